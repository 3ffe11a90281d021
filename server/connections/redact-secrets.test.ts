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
});
