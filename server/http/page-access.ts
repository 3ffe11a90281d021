// Which requests proxy.ts sends to sign-in. Pages are gated here so a signed-out browser lands
// on the login form and comes back afterwards. The API is not: a redirect to HTML is no answer
// for a script, so every API route authenticates itself and answers 401 JSON (tRPC's
// UNAUTHORIZED from protected procedures, the export routes' {"error": ...}, API keys for ingest).

const PUBLIC_PREFIXES = ["/link/", "/sandbox-oauth/", "/api/", "/_next/"];
const PUBLIC_PATHS = new Set(["/login", "/favicon.ico"]);

export function needsSignIn(pathname: string): boolean {
  if (PUBLIC_PATHS.has(pathname)) return false;
  return !PUBLIC_PREFIXES.some((prefix) => pathname.startsWith(prefix));
}

const NOT_TOKENS = new Set(["callback", "problem"]);

/** The token of a public relink page (/link/<token>), or null for any other path. */
export function publicLinkToken(pathname: string): string | null {
  const match = /^\/link\/([^/]+)\/?$/.exec(pathname);
  const token = match?.[1];
  return token && !NOT_TOKENS.has(token) ? decodeURIComponentOr(token) : null;
}

function decodeURIComponentOr(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
