// The console's public origin (scheme://host[:port]) for every absolute URL it hands out: relink
// links, the OAuth redirect URI and the sandbox issuer, sign-in redirects, cookie security.
// It comes from configuration only. Host and X-Forwarded-Host/-Proto are written by whoever sends
// the request, so an origin read from them lets a caller choose where links and token requests go.
import { isProduction } from "../env";

export class PublicOriginError extends Error {}

type Env = Readonly<Record<string, string | undefined>>;

function parseOrigin(name: string, value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new PublicOriginError(
      `${name} must be an absolute URL such as https://console.example.com (got "${value}").`,
    );
  }
  if (url.protocol !== "https:" && url.protocol !== "http:")
    throw new PublicOriginError(`${name} must be an http or https URL (got "${value}").`);
  if (url.username || url.password) throw new PublicOriginError(`${name} must not carry a user name or password.`);
  // NEXTAUTH_URL may end in next-auth's base path (…/api/auth): the origin is all the console uses.
  return url.origin;
}

/**
 * PUBLIC_URL, else NEXTAUTH_URL, else http://localhost:$PORT (3000). In production one of the two
 * must be set: a link on localhost would reach nobody.
 */
export function publicOriginFrom(env: Env, production: boolean): string {
  const publicUrl = env.PUBLIC_URL?.trim();
  if (publicUrl) return parseOrigin("PUBLIC_URL", publicUrl);
  const nextAuthUrl = env.NEXTAUTH_URL?.trim();
  if (nextAuthUrl) return parseOrigin("NEXTAUTH_URL", nextAuthUrl);
  if (production) throw new PublicOriginError("PUBLIC_URL (or NEXTAUTH_URL) must be set in production.");
  const port = env.PORT?.trim() || "3000";
  if (!/^\d{1,5}$/.test(port) || Number(port) > 65_535) throw new PublicOriginError(`PORT is not a port: "${port}".`);
  return `http://localhost:${port}`;
}

/** The configured public origin, e.g. "https://console.example.com" (no trailing slash). */
export function publicOrigin(): string {
  return publicOriginFrom(process.env, isProduction());
}

/** Whether the console is served over https: HSTS and Secure cookies depend on it. */
export function publicOriginIsHttps(origin = publicOrigin()): boolean {
  return origin.startsWith("https:");
}
