import { expect, it } from "vitest";
import { describeEachDb } from "../test/databases";
import { clientAddress, trustedProxyHops } from "../http/client-address";
import { hitRateLimit } from "./rate-limit";

describeEachDb("relink: fixed-window rate limit", (get) => {
  it("allows `limit` hits per window per subject, then refuses until the next window", async () => {
    const db = get().db;
    const rule = { limit: 3, windowSeconds: 60 };
    const t0 = Date.parse("2026-11-21T10:00:05.000Z");
    const hits = [];
    for (let i = 0; i < 5; i++) hits.push(await hitRateLimit(db, "link", "10.0.0.1", rule, t0 + i));
    expect(hits.map((h) => h.allowed)).toEqual([true, true, true, false, false]);
    expect(hits[3]?.retryAfterSeconds).toBe(55);
    expect((await hitRateLimit(db, "link", "10.0.0.2", rule, t0)).allowed).toBe(true);
    expect((await hitRateLimit(db, "callback", "10.0.0.1", rule, t0)).allowed).toBe(true);
    const next = await hitRateLimit(db, "link", "10.0.0.1", rule, t0 + 60_000);
    expect(next).toMatchObject({ allowed: true, hits: 1 });
  });

  it("keys on the client address, so rotating X-Forwarded-For does not reset the count", async () => {
    const db = get().db;
    const rule = { limit: 5, windowSeconds: 60 };
    const t0 = Date.parse("2026-11-21T11:00:01.000Z");
    const allowed = [];
    for (let i = 0; i < 12; i++) {
      const headers = new Headers({ "x-forwarded-for": `198.51.100.${i}, 10.0.0.${i}` });
      allowed.push(
        (await hitRateLimit(db, "rotate", clientAddress(headers, trustedProxyHops("0")), rule, t0 + i)).allowed,
      );
    }
    expect(allowed.filter(Boolean)).toHaveLength(5);
    // Behind one trusted proxy, the entry it appended is the key: the client's own text is not.
    const behindProxy = [];
    for (let i = 0; i < 7; i++) {
      const headers = new Headers({ "x-forwarded-for": `203.0.113.${i}, 192.0.2.77` });
      behindProxy.push((await hitRateLimit(db, "rotate-proxied", clientAddress(headers, 1), rule, t0 + i)).allowed);
    }
    expect(behindProxy).toEqual([true, true, true, true, true, false, false]);
  });
});
