import { expect, it } from "vitest";
import { seedBase, DEMO_PASSWORD } from "../demo-data/seed-demo";
import { describeEachDb } from "../test/databases";
import { hashPassword, verifyPassword } from "./password";
import { DIRECT_CLIENT } from "../http/client-address";
import { publicOrigin } from "../http/public-origin";
import { refuseLockedSignIn } from "./locked-sign-in";
import { authorizeCredentials, redirectAfterAuth } from "./options";
import { signInWithPassword } from "./sign-in";
import {
  delayFor,
  EMAIL_RULE,
  emailThrottleKey,
  LOCK_AFTER,
  recentFailures,
  recordFailure,
  throttleKey,
} from "./throttle";

it("hashes passwords with scrypt and verifies only the right one", async () => {
  const hash = await hashPassword("s3cret-pass");
  expect(hash).toMatch(/^scrypt\$32768\$8\$1\$/);
  expect(hash).not.toContain("s3cret-pass");
  expect(await verifyPassword("s3cret-pass", hash)).toBe(true);
  expect(await verifyPassword("s3cret-pasS", hash)).toBe(false);
  expect(await verifyPassword("x", "plain-text")).toBe(false);
});

it("slows failures progressively and locks after the limit", () => {
  expect(delayFor(0)).toBe(0);
  expect(delayFor(2)).toBe(0);
  expect(delayFor(4)).toBeGreaterThan(delayFor(3));
  expect(delayFor(LOCK_AFTER)).toBe(Number.POSITIVE_INFINITY);
});

it("next-auth's redirect callback keeps same-origin paths and sends anything else home", () => {
  const origin = publicOrigin();
  for (const hostile of [
    "/\\evil.example/x",
    "/\t/evil.example",
    "//evil.example",
    "/.//evil.example",
    "https://evil.example/connections",
    "javascript:alert(1)",
    `${origin}@evil.example`,
  ])
    expect(redirectAfterAuth(hostile, origin)).toBe(`${origin}/`);
  expect(redirectAfterAuth("/connections?status=error", origin)).toBe(`${origin}/connections?status=error`);
  expect(redirectAfterAuth(`${origin}/audit`, origin)).toBe(`${origin}/audit`);
});

describeEachDb(
  "sign-in",
  (get) => {
    it("returns the user with role and tenant for the right password", async () => {
      const result = await signInWithPassword(get().db, "Admin@Acme.demo.test ", DEMO_PASSWORD, "10.0.0.1");
      expect(result).toMatchObject({
        ok: true,
        user: {
          email: "admin@acme.demo.test",
          role: "tenant_admin",
          tenantId: "ten_acme",
          tenantName: "Acme Corporation",
        },
      });
      const staff = await signInWithPassword(get().db, "support@demo.test", DEMO_PASSWORD, "10.0.0.1");
      expect(staff).toMatchObject({ ok: true, user: { role: "support", tenantId: null } });
    });

    it("rejects a wrong password and an unknown user alike, and locks after repeated failures", async () => {
      expect(await signInWithPassword(get().db, "viewer@acme.demo.test", "wrong", "10.0.0.2")).toEqual({
        ok: false,
        reason: "invalid",
      });
      expect(await signInWithPassword(get().db, "nobody@demo.test", "wrong", "10.0.0.2")).toEqual({
        ok: false,
        reason: "invalid",
      });
      const key = throttleKey("viewer@acme.demo.test", "10.0.0.3");
      for (let i = 0; i < LOCK_AFTER; i++) await recordFailure(get().db, key);
      // Locked: even the right password is refused until the window passes.
      expect(await signInWithPassword(get().db, "viewer@acme.demo.test", DEMO_PASSWORD, "10.0.0.3")).toEqual({
        ok: false,
        reason: "locked",
        retryAfterSeconds: expect.any(Number) as number,
      });
      // Another address is not affected.
      expect((await signInWithPassword(get().db, "viewer@acme.demo.test", DEMO_PASSWORD, "10.0.0.4")).ok).toBe(true);
    });

    it("counts per email alone: rotating addresses cannot go past the email's limit", async () => {
      const db = get().db;
      const email = "admin@globex.demo.test";
      for (const address of ["192.0.2.1", "192.0.2.2", "192.0.2.3"])
        expect((await signInWithPassword(db, email, "wrong", address)).ok).toBe(false);
      expect((await recentFailures(db, emailThrottleKey(email))).failures).toBe(3);
      for (let i = 3; i < EMAIL_RULE.lockAfter; i++) await recordFailure(db, emailThrottleKey(email));
      // A never-seen address, and even the right password: locked, with how long to wait.
      const locked = await signInWithPassword(db, email, DEMO_PASSWORD, "198.51.100.200");
      expect(locked).toMatchObject({ ok: false, reason: "locked" });
      expect(locked.ok === false && locked.reason === "locked" ? locked.retryAfterSeconds : 0).toBeGreaterThan(800);
    });

    it("counts concurrent failures one by one", async () => {
      const db = get().db;
      const key = throttleKey("race@demo.test", "192.0.2.9");
      await Promise.all(Array.from({ length: 20 }, () => recordFailure(db, key)));
      expect((await recentFailures(db, key)).failures).toBe(20);
    });

    it("ignores X-Forwarded-For unless a proxy is trusted: rotating it does not lift the lockout", async () => {
      const db = get().db;
      const email = "support@demo.test";
      // Without TRUST_PROXY every direct client is one address; lock that one.
      for (let i = 0; i < LOCK_AFTER; i++) await recordFailure(db, throttleKey(email, DIRECT_CLIENT));
      for (let i = 0; i < 5; i++) {
        const headers = { "x-forwarded-for": `203.0.113.${i}` };
        await expect(authorizeCredentials({ email, password: DEMO_PASSWORD }, headers, db)).rejects.toThrow(
          /Too many failed sign-ins. Try again in \d+ minutes?/,
        );
      }
    });

    it("answers a locked sign-in with 429 and Retry-After before next-auth runs", async () => {
      const db = get().db;
      const email = "viewer@globex.demo.test";
      const attempt = (path = "/api/auth/callback/credentials") =>
        new Request(`${publicOrigin()}${path}`, {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": "203.0.113.50" },
          body: new URLSearchParams({ email, password: "whatever", csrfToken: "x", json: "true" }),
        });
      expect(await refuseLockedSignIn(attempt(), db)).toBeNull();
      for (let i = 0; i < LOCK_AFTER; i++) await recordFailure(db, throttleKey(email, DIRECT_CLIENT));
      const refused = await refuseLockedSignIn(attempt(), db);
      expect(refused?.status).toBe(429);
      expect(Number(refused?.headers.get("retry-after"))).toBeGreaterThan(800);
      const body = (await refused?.json()) as { url: string; error: string };
      expect(new URL(body.url).origin).toBe(publicOrigin());
      expect(new URL(body.url).searchParams.get("error")).toMatch(/Too many failed sign-ins/);
      // Only the credentials callback is checked.
      expect(await refuseLockedSignIn(attempt("/api/auth/session"), db)).toBeNull();
    });
  },
  async (t) => {
    await seedBase(t.db, Date.now());
  },
);
