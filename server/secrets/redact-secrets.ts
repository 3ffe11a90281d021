// The one rule for secret-named keys in documents the console shows: run parameters, unmapped
// fields, connection info, metadata, audit before/after. Whatever a platform or a future writer
// puts in them, a value under a secret-looking key never reaches a page: the key stays (so people
// see that a password was set) and the value reads "•••• (redacted)".

/** Key names (camelCase, snake_case or kebab-case, any letter case) that hold secrets. */
const SECRET_WORDS =
  "access_token|refresh_token|id_token|token|secret|client_secret|password|passwd|pwd|password_hash|passphrase|api_key|apikey|private_key|signing_key|credentials|credentials_encrypted|token_hash|auth|authorization|cookie|session_key";
const SECRET_KEY = new RegExp(`(^|_)(${SECRET_WORDS})$`, "i");

export const REDACTED = "•••• (redacted)";

/** `sourcePassword` → `source_password`, `api-key` → `api_key`: one shape for the test. */
const snake = (key: string) => key.replace(/([a-z0-9])([A-Z])/g, "$1_$2").replace(/-/g, "_");

export function isSecretKey(key: string): boolean {
  return SECRET_KEY.test(snake(key));
}

/** A copy of `value` with the values of secret-named keys replaced; fingerprints are kept. */
export function redactSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactSecrets);
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, v]) => [key, isSecretKey(key) && v !== null ? REDACTED : redactSecrets(v)]),
  );
}
