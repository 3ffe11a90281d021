// The session cookie as next-auth writes it (its own encode), read back without getServerSession.
import { encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { acmeAdmin } from "../test/callers";
import { sessionCookieName, sessionToken, sessionUserFromCookies } from "./session-cookie";

const secret = "a-test-secret-of-enough-length-0123456789";
const user = acmeAdmin();
const sealed = (maxAge = 3600, withSecret = secret) =>
  encode({ token: { sub: user.id, name: user.name, email: user.email, user }, secret: withSecret, maxAge });

describe("sessionUserFromCookies", () => {
  it("opens a cookie next-auth sealed and returns its user", async () => {
    const cookies = [
      { name: "other", value: "x" },
      { name: sessionCookieName(false), value: await sealed() },
    ];
    expect(await sessionUserFromCookies(cookies, secret, false)).toEqual(user);
  });

  it("reads the __Secure- cookie on an https origin, and only that one", async () => {
    const token = await sealed();
    expect(await sessionUserFromCookies([{ name: sessionCookieName(true), value: token }], secret, true)).toEqual(user);
    expect(await sessionUserFromCookies([{ name: sessionCookieName(false), value: token }], secret, true)).toBeNull();
  });

  it("refuses a missing, tampered, foreign or expired cookie", async () => {
    const name = sessionCookieName(false);
    const token = await sealed();
    const flipped = token.slice(0, -5) + (token.at(-5) === "A" ? "B" : "A") + token.slice(-4);
    expect(await sessionUserFromCookies([], secret, false)).toBeNull();
    expect(await sessionUserFromCookies([{ name, value: flipped }], secret, false)).toBeNull();
    expect(await sessionUserFromCookies([{ name, value: "not-a-jwe" }], secret, false)).toBeNull();
    const foreign = await sealed(3600, "another-secret-of-enough-length-987654321");
    expect(await sessionUserFromCookies([{ name, value: foreign }], secret, false)).toBeNull();
    // next-auth allows 15 s of clock skew: a token that expired a minute ago is refused.
    expect(await sessionUserFromCookies([{ name, value: await sealed(-60) }], secret, false)).toBeNull();
  });

  it("derives its key from the secret it is given now, not the one it saw first", async () => {
    const name = sessionCookieName(false);
    const other = "another-secret-of-enough-length-987654321";
    expect(await sessionUserFromCookies([{ name, value: await sealed() }], secret, false)).toEqual(user);
    const fromOther = await sealed(3600, other);
    expect(await sessionUserFromCookies([{ name, value: fromOther }], other, false)).toEqual(user);
    expect(await sessionUserFromCookies([{ name, value: fromOther }], secret, false)).toBeNull();
  });

  it("reassembles a token next-auth split into numbered chunks, in order", async () => {
    const name = sessionCookieName(false);
    const token = await sealed();
    const third = Math.ceil(token.length / 3);
    const chunks = [2, 0, 1].map((i) => ({ name: `${name}.${i}`, value: token.slice(i * third, (i + 1) * third) }));
    expect(sessionToken(chunks, name)).toBe(token);
    expect(await sessionUserFromCookies(chunks, secret, false)).toEqual(user);
  });
});
