// API key material: 256 random bits behind a recognisable `cck_` prefix. Only the SHA-256 of
// a key is stored; the first characters are kept in clear so people can tell keys apart.
import { randomBytes } from "node:crypto";
import { sha256Hex } from "../crypto";

export const API_KEY_PREFIX = "cck_";
const VISIBLE_CHARS = 8;

export function generateApiKey(): { key: string; prefix: string; hash: string } {
  const key = API_KEY_PREFIX + randomBytes(32).toString("base64url");
  return { key, prefix: key.slice(0, API_KEY_PREFIX.length + VISIBLE_CHARS), hash: hashApiKey(key) };
}

export function hashApiKey(key: string): string {
  return sha256Hex(key);
}
