// Audit before/after documents are written by many features; this is the last guard that none of
// them can carry a credential to the browser, whatever a future writer puts in them.
const SECRET_KEY =
  /(^|_|-)(access_?token|refresh_?token|id_?token|token|secret|client_?secret|password|password_?hash|api_?key|credentials(_encrypted)?|token_?hash|auth)$/i;

export const REDACTED = "[redacted]";

/** A copy of `value` with the values of secret-looking keys replaced; fingerprints are kept. */
export function redactSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactSecrets);
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, v]) => [key, SECRET_KEY.test(key) && v !== null ? REDACTED : redactSecrets(v)]),
  );
}
