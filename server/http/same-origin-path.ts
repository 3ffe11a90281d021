// Where to send the browser after sign-in. Callback URLs arrive in the query string, so they are
// the attacker's text: "/\evil.example", "/\t/evil.example" or "/.//evil.example" all start with
// one slash yet leave the site once a browser resolves them. The only test that matches what a
// browser does is to resolve the value the way it will, against our origin, and compare origins.

export const DEFAULT_AFTER_SIGN_IN = "/";

/** Resolves `value` against `origin`; the path+query+hash if it stays on that origin, else null. */
function resolveSameOrigin(value: string, origin: string): string | null {
  let url: URL;
  try {
    url = new URL(value, origin);
  } catch {
    return null;
  }
  if (url.origin !== origin) return null;
  return `${url.pathname}${url.search}${url.hash}`;
}

/**
 * A path on `origin` for `value` (relative or absolute), or "/" when it would lead anywhere else.
 * The result is checked once more as it will be used: a normalised path like "//evil.example"
 * (from "/.//evil.example") is itself a link to another host.
 */
export function sameOriginPath(value: string | null | undefined, origin: string): string {
  if (typeof value !== "string" || value === "") return DEFAULT_AFTER_SIGN_IN;
  const path = resolveSameOrigin(value, origin);
  if (path === null || !path.startsWith("/") || path.startsWith("//")) return DEFAULT_AFTER_SIGN_IN;
  return resolveSameOrigin(path, origin) === path ? path : DEFAULT_AFTER_SIGN_IN;
}
