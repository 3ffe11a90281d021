// Validates an authorization request to the sandbox provider the way a strict real server
// would: known client, redirect URI on this app's relink callback, code flow, PKCE S256, state.
import { z } from "zod";
import type { DB } from "../../db";
import { relinkCallbackUrl } from "../oauth/provider";

const ZAuthorizeParams = z.object({
  response_type: z.literal("code"),
  client_id: z.string().min(1).max(200),
  redirect_uri: z.string().url(),
  scope: z.string().max(2000).default(""),
  state: z.string().min(8).max(500),
  code_challenge: z.string().regex(/^[A-Za-z0-9_-]{43,128}$/),
  code_challenge_method: z.literal("S256"),
});
export type AuthorizeParams = z.infer<typeof ZAuthorizeParams>;

export type AuthorizeCheck =
  { ok: true; params: AuthorizeParams; clientName: string; scopes: string[] } | { ok: false; message: string };

export async function checkAuthorizeRequest(
  db: DB,
  raw: Record<string, unknown>,
  origin: string,
): Promise<AuthorizeCheck> {
  const parsed = ZAuthorizeParams.safeParse(raw);
  if (!parsed.success)
    return {
      ok: false,
      message: `Invalid authorization request: ${parsed.error.issues.map((i) => i.path.join(".")).join(", ")}.`,
    };
  const params = parsed.data;
  const client = await db
    .selectFrom("integrations")
    .select(["display_name"])
    .where("client_id", "=", params.client_id)
    .where("use_sandbox", "=", 1)
    .executeTakeFirst();
  if (!client) return { ok: false, message: "Unknown client." };
  // Registered redirect URI: only this app's relink callback.
  if (params.redirect_uri !== relinkCallbackUrl(origin))
    return { ok: false, message: "The redirect URI is not registered for this client." };
  return { ok: true, params, clientName: client.display_name, scopes: params.scope.split(" ").filter(Boolean) };
}

/** Where the customer's browser goes after the consent decision. */
export function redirectWith(params: AuthorizeParams, issuer: string, values: Record<string, string>): string {
  const url = new URL(params.redirect_uri);
  for (const [k, v] of Object.entries(values)) url.searchParams.set(k, v);
  url.searchParams.set("state", params.state);
  url.searchParams.set("iss", issuer);
  return url.toString();
}
