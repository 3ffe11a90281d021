// The signed-in user from next-auth's session cookie, read directly: the cookie is a JWE that
// only this server can open (encrypted with NEXTAUTH_SECRET), so decrypting it is the whole check.
// getServerSession did the same and more per request: it builds next-auth's whole handler, runs
// the session route, and encrypts a renewed cookie that a server component cannot even set; a
// CPU-bound no-op request spent about five times the decryption's time there (docs/BENCHMARKS.md, Load).
import { decode } from "next-auth/jwt";
import type { SessionUser } from "./session-user";

export interface CookieLike {
  name: string;
  value: string;
}

/** next-auth's name for the session cookie; the __Secure- prefix when the origin is https. */
export function sessionCookieName(secure: boolean): string {
  return secure ? "__Secure-next-auth.session-token" : "next-auth.session-token";
}

/** The token, reassembled as next-auth does when it had to split a large one (name.0, name.1, …). */
export function sessionToken(cookies: readonly CookieLike[], name: string): string | undefined {
  const parts = cookies.filter((c) => c.name === name || c.name.startsWith(`${name}.`));
  if (parts.length === 0) return undefined;
  const index = (c: CookieLike) => Number(c.name.slice(name.length + 1) || 0);
  return parts
    .sort((a, b) => index(a) - index(b))
    .map((c) => c.value)
    .join("");
}

/** The session's user, or null when there is no cookie, or it is forged, tampered with or expired. */
export async function sessionUserFromCookies(
  cookies: readonly CookieLike[],
  secret: string,
  secure: boolean,
): Promise<SessionUser | null> {
  const token = sessionToken(cookies, sessionCookieName(secure));
  if (!token) return null;
  try {
    const payload = await decode({ token, secret });
    return payload?.user?.id ? payload.user : null;
  } catch {
    return null; // not a token this secret sealed, or past its expiry
  }
}
