// The signed-in user from next-auth's session cookie, read directly: the cookie is a JWE that
// only this server can open (encrypted with NEXTAUTH_SECRET), so decrypting it is the whole check.
// getServerSession did the same and more per request: it builds next-auth's whole handler, runs
// the session route, and encrypts a renewed cookie that a server component cannot even set; a
// CPU-bound no-op request spent about five times the decryption's time there (docs/BENCHMARKS.md, Load).
import { hkdfSync } from "node:crypto";
import { jwtDecrypt } from "jose";
import type { SessionUser } from "./session-user";

// next-auth v4's `decode` derives the key from the secret (HKDF-SHA256, no salt, this info
// string, 32 bytes) on every call: 5% of a no-op request's CPU. The key depends on the secret
// alone, so it is derived once; the decryption and its 15 s clock tolerance are next-auth's own.
const keys = new Map<string, Uint8Array>();
function encryptionKey(secret: string): Uint8Array {
  let key = keys.get(secret);
  if (!key) {
    key = new Uint8Array(hkdfSync("sha256", secret, "", "NextAuth.js Generated Encryption Key", 32));
    keys.clear(); // one secret at a time (a test may switch it)
    keys.set(secret, key);
  }
  return key;
}

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
    const { payload } = await jwtDecrypt(token, encryptionKey(secret), { clockTolerance: 15 });
    const user = (payload as { user?: SessionUser }).user;
    return user?.id ? user : null;
  } catch {
    return null; // not a token this secret sealed, or past its expiry
  }
}
