// The in-flight OAuth state (state, PKCE verifier, which link) rides in a short-lived
// HttpOnly cookie, sealed with the app's AES-GCM key: tamper-proof, unreadable by the browser,
// and valid on any app instance, so nothing about the flow lives in process memory.
import { z } from "zod";
import { decryptSecret, encryptSecret } from "../crypto";

export const FLOW_COOKIE = "relink_flow";
export const FLOW_TTL_SECONDS = 15 * 60;

const ZFlow = z.object({ state: z.string(), verifier: z.string(), token: z.string(), exp: z.number() });
export type RelinkFlow = z.infer<typeof ZFlow>;

export function sealFlow(flow: Omit<RelinkFlow, "exp">, now = Date.now()): string {
  return encryptSecret(JSON.stringify({ ...flow, exp: now + FLOW_TTL_SECONDS * 1000 }));
}

/** The flow, or null when the cookie is missing, forged, garbled or too old. */
export function openFlow(cookie: string | undefined, now = Date.now()): RelinkFlow | null {
  if (!cookie) return null;
  try {
    const flow = ZFlow.parse(JSON.parse(decryptSecret(cookie)));
    return flow.exp > now ? flow : null;
  } catch {
    return null;
  }
}

export function flowCookieOptions(origin: string) {
  // Lax, not Strict: the provider's redirect back to us is a cross-site top-level GET.
  return {
    httpOnly: true,
    sameSite: "lax" as const,
    secure: origin.startsWith("https:"),
    path: "/link",
    maxAge: FLOW_TTL_SECONDS,
  };
}
