import { expect, it } from "vitest";
import { decryptSecret, encryptSecret, fingerprintSecret, sealCredentials } from "./crypto";

it("encrypts with AES-256-GCM: random IV, round trip, tamper detection", () => {
  const a = encryptSecret("refresh-token-123");
  const b = encryptSecret("refresh-token-123");
  expect(a).not.toBe(b);
  expect(a).not.toContain("refresh-token-123");
  expect(decryptSecret(a)).toBe("refresh-token-123");
  const parts = a.split(".");
  const body = parts[3] ?? "";
  const flipped = [parts[0], parts[1], parts[2], (body[0] === "A" ? "B" : "A") + body.slice(1)].join(".");
  expect(() => decryptSecret(flipped)).toThrow();
});

it("seals credentials into ciphertext plus a fingerprint that reveals nothing", () => {
  const sealed = sealCredentials({ access_token: "at_secret", refresh_token: "rt_secret" });
  expect(sealed.credentials_encrypted).not.toContain("secret");
  expect(sealed.credentials_fingerprint).toMatch(/^sha256:…[0-9a-f]{8}$/);
  expect(sealed.credentials_fingerprint).toBe(
    fingerprintSecret(JSON.stringify({ access_token: "at_secret", refresh_token: "rt_secret" })),
  );
});
