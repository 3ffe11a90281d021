import { expect, it } from "vitest";
import { staff, callerAs } from "../test/callers";
import { describeEachDb } from "../test/databases";
import { authenticateApiKey, bearerKey } from "./authenticate-api-key";

it("tells a missing key from a malformed Authorization header", () => {
  for (const header of [null, "", "  ", "Bearer", "bearer  "])
    expect(bearerKey(header)).toEqual({ ok: false, message: expect.stringMatching(/^Missing API key/) as unknown });
  for (const header of ["Bearer K K", "Basic dXNlcjpwdw==", "Token abc", "Bearerabc", "Bearer\nK"])
    expect(bearerKey(header)).toEqual({
      ok: false,
      message: "Malformed Authorization header: expected `Bearer <key>`.",
    });
  expect(bearerKey("Bearer cck_abc")).toEqual({ ok: true, key: "cck_abc" });
  expect(bearerKey("  bearer\tcck_abc  ")).toEqual({ ok: true, key: "cck_abc" });
});

describeEachDb("API key authentication", (get) => {
  it("accepts a live key and refuses a malformed header carrying it", async () => {
    const { key } = await callerAs(get().db, staff()).apiKeys.create({ name: "k", platform: "codat", tenantId: null });
    expect(await authenticateApiKey(get().db, `Bearer ${key}`)).toMatchObject({ ok: true });
    expect(await authenticateApiKey(get().db, `Bearer ${key} ${key}`)).toEqual({
      ok: false,
      message: "Malformed Authorization header: expected `Bearer <key>`.",
    });
    expect(await authenticateApiKey(get().db, "Bearer cck_unknown")).toEqual({
      ok: false,
      message: "Invalid or revoked API key.",
    });
  });
});
