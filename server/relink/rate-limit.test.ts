import { expect, it } from "vitest";
import { describeEachDb } from "../test/databases";
import { clientIp, hitRateLimit } from "./rate-limit";

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

  it("reads the client address from the proxy headers", () => {
    expect(clientIp(new Headers({ "x-forwarded-for": "203.0.113.9, 10.0.0.1" }))).toBe("203.0.113.9");
    expect(clientIp(new Headers({ "x-real-ip": "198.51.100.2" }))).toBe("198.51.100.2");
    expect(clientIp(new Headers())).toBe("unknown");
  });
});
