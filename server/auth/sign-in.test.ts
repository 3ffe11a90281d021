import { expect, it } from "vitest";
import { seedBase, DEMO_PASSWORD } from "../demo-data/seed-demo";
import { describeEachDb } from "../test/databases";
import { hashPassword, verifyPassword } from "./password";
import { signInWithPassword } from "./sign-in";
import { delayFor, LOCK_AFTER, recordFailure, throttleKey } from "./throttle";

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
      });
      // Another address is not affected.
      expect((await signInWithPassword(get().db, "viewer@acme.demo.test", DEMO_PASSWORD, "10.0.0.4")).ok).toBe(true);
    });
  },
  async (t) => {
    await seedBase(t.db, Date.now());
  },
);
