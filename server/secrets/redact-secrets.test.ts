import { describe, expect, it } from "vitest";
import { REDACTED, redactSecrets } from "./redact-secrets";

describe("redactSecrets", () => {
  it("replaces secret-looking values at any depth and keeps everything else", () => {
    const input = {
      status: "active",
      credentials_fingerprint: "a1b2",
      credentials_encrypted: "v1.abc.def",
      nested: [{ access_token: "at_1", refreshToken: "rt_1", client_secret: "s", note: "ok", auth: { x: 1 } }],
      token_hash: "h",
      expires_at: "2026-01-01T00:00:00.000Z",
      empty_secret: null,
    };
    expect(redactSecrets(input)).toEqual({
      status: "active",
      credentials_fingerprint: "a1b2",
      credentials_encrypted: REDACTED,
      nested: [{ access_token: REDACTED, refreshToken: REDACTED, client_secret: REDACTED, note: "ok", auth: REDACTED }],
      token_hash: REDACTED,
      expires_at: "2026-01-01T00:00:00.000Z",
      empty_secret: null,
    });
  });

  it("knows camelCase, kebab-case and prefixed secret names, and leaves look-alikes alone", () => {
    const keep = ["token_type", "auth_type", "authentication_method", "expires_at", "oauth_provider", "passport"];
    const hide = ["sourcePassword", "dbPassword", "apiKey", "x-api-key", "privateKey", "clientSecret", "Authorization"];
    const doc = Object.fromEntries([...keep, ...hide].map((k) => [k, "v"]));
    const out = redactSecrets(doc) as Record<string, unknown>;
    for (const k of keep) expect(out[k], k).toBe("v");
    for (const k of hide) expect(out[k], k).toBe(REDACTED);
  });
});
