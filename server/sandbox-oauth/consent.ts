import "server-only";
import { getDb } from "../database";
import { sandboxOAuthEnabled } from "../env";
import { publicOrigin } from "../http/public-origin";
import { checkAuthorizeRequest, type AuthorizeCheck } from "./authorize-request";

/** What the sandbox consent page shows; null when the sandbox is switched off (404). */
export async function readSandboxConsent(
  search: Record<string, string | string[] | undefined>,
): Promise<AuthorizeCheck | null> {
  if (!sandboxOAuthEnabled()) return null;
  const flat = Object.fromEntries(Object.entries(search).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  return checkAuthorizeRequest(getDb(), flat, publicOrigin());
}
