// Credentials at rest: AES-256-GCM with a random 96-bit IV per value. The stored form is
// `v1.<iv>.<tag>.<ciphertext>` (base64url), so the key can be rotated by version later.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { encryptionKeySource } from "./env";

let cachedKey: Buffer | undefined;

function key(): Buffer {
  if (cachedKey) return cachedKey;
  const source = encryptionKeySource();
  const raw = /^[0-9a-f]{64}$/i.test(source) ? Buffer.from(source, "hex") : Buffer.from(source, "base64");
  if (raw.length !== 32) {
    throw new Error("CONSOLE_ENCRYPTION_KEY must be 32 bytes, as 64 hex characters or base64.");
  }
  cachedKey = raw;
  return raw;
}

// IVs drawn from a pool of random bytes refilled a kilobyte-and-a-half at a time: as random as one
// randomBytes(12) per value (each slice is used once), without a system call per value.
const IV_POOL = 12 * 128;
let ivPool = Buffer.alloc(0);
let ivNext = IV_POOL;

function nextIv(): Buffer {
  if (ivNext >= IV_POOL) {
    ivPool = randomBytes(IV_POOL);
    ivNext = 0;
  }
  ivNext += 12;
  return ivPool.subarray(ivNext - 12, ivNext);
}

export function encryptSecret(plaintext: string): string {
  const iv = nextIv();
  const cipher = createCipheriv("aes-256-gcm", key(), iv);
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const tag = cipher.getAuthTag();
  return ["v1", iv.toString("base64url"), tag.toString("base64url"), body.toString("base64url")].join(".");
}

export function decryptSecret(stored: string): string {
  const [version, iv, tag, body] = stored.split(".");
  if (version !== "v1" || !iv || !tag || body === undefined) throw new Error("Unrecognised ciphertext format.");
  const decipher = createDecipheriv("aes-256-gcm", key(), Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
}

/** A short, non-reversible label for a secret, safe to show: `sha256:…last 8 hex`. */
export function fingerprintSecret(plaintext: string): string {
  return "sha256:…" + createHash("sha256").update(plaintext).digest("hex").slice(-8);
}

export function sha256Hex(value: string): string {
  return createHash("sha256").update(value).digest("hex");
}

/** Encrypts a credentials object and returns what the connections row stores. */
export function sealCredentials(credentials: Record<string, unknown>): {
  credentials_encrypted: string;
  credentials_fingerprint: string;
} {
  const json = JSON.stringify(credentials);
  return { credentials_encrypted: encryptSecret(json), credentials_fingerprint: fingerprintSecret(json) };
}
