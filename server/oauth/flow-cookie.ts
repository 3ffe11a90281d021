// The in-flight OAuth state (state, PKCE verifier, which link) rides in a short-lived
// HttpOnly cookie, sealed with the app's AES-GCM key: tamper-proof, unreadable by the browser,
// and valid on any app instance, so nothing about the flow lives in process memory.
// When the flow succeeds, the same browser gets a second sealed cookie naming the link it
// completed: only that browser is told "you're reconnected"; anyone else sees "already used".
import { z } from "zod";
import { decryptSecret, encryptSecret } from "../crypto";

export const FLOW_COOKIE = "relink_flow";
export const DONE_COOKIE = "relink_done";
export const FLOW_TTL_SECONDS = 15 * 60;

const ZFlow = z.object({ state: z.string(), verifier: z.string(), token: z.string(), exp: z.number() });
export type RelinkFlow = z.infer<typeof ZFlow>;

const ZDone = z.object({ done: z.string(), exp: z.number() });

function openSealed<T>(schema: z.ZodType<T>, cookie: string | undefined): T | null {
  if (!cookie) return null;
  try {
    return schema.parse(JSON.parse(decryptSecret(cookie)));
  } catch {
    return null;
  }
}

export function sealFlow(flow: Omit<RelinkFlow, "exp">, now = Date.now()): string {
  return encryptSecret(JSON.stringify({ ...flow, exp: now + FLOW_TTL_SECONDS * 1000 }));
}

/** The flow, or null when the cookie is missing, forged, garbled or too old. */
export function openFlow(cookie: string | undefined, now = Date.now()): RelinkFlow | null {
  const flow = openSealed(ZFlow, cookie);
  return flow && flow.exp > now ? flow : null;
}

/** Proof, for this browser only, that it completed the flow of `token`. */
export function sealDone(token: string, now = Date.now()): string {
  return encryptSecret(JSON.stringify({ done: token, exp: now + FLOW_TTL_SECONDS * 1000 }));
}

/** Whether the cookie proves that this browser completed the flow of `token` (recently). */
export function completedHere(cookie: string | undefined, token: string, now = Date.now()): boolean {
  const done = openSealed(ZDone, cookie);
  return done !== null && done.exp > now && done.done === token;
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
