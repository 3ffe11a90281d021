// Relink tokens: 256 random bits, base64url. Only the SHA-256 hash is ever stored, so a
// database leak cannot be replayed as a working link.
import { randomBytes } from "node:crypto";
import { sha256Hex } from "../crypto";

export interface IssuedToken {
  token: string;
  hash: string;
}

export function issueRelinkToken(): IssuedToken {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: hashRelinkToken(token) };
}

export function hashRelinkToken(token: string): string {
  return sha256Hex(`relink:${token}`);
}

/** Plausible token shape; anything else is "unknown" without touching the database. */
export function looksLikeToken(token: string): boolean {
  return /^[A-Za-z0-9_-]{32,64}$/.test(token);
}

export function relinkUrl(origin: string, token: string): string {
  return `${origin.replace(/\/$/, "")}/link/${token}`;
}
