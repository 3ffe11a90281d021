// proxy.ts as Next calls it: the sign-in gate, the CSP nonce handed to the renderer, and the
// relink page's status. (Headers on the wire, through the real server, are in e2e/edges.spec.ts.)
import { encode } from "next-auth/jwt";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { DB } from "./db";
import { config, proxy } from "./proxy";
import { seedDemo } from "./server/demo-data/seed-demo";
import { authSecret } from "./server/env";
import { publicOrigin } from "./server/http/public-origin";
import { DONE_COOKIE, sealDone } from "./server/oauth/flow-cookie";
import { LINK_RETRY_AFTER_HEADER } from "./server/relink/open-public-link";
import { linkInState } from "./server/relink/public-link-fixture";
import { describeEachDb } from "./server/test/databases";

const ORIGIN = publicOrigin();
const get = (path: string, headers: Record<string, string> = {}) =>
  proxy(new NextRequest(`${ORIGIN}${path}`, { headers }));
/** What the proxy passes on to the renderer as request header `name`. */
const forwarded = (response: Response, name: string) => response.headers.get(`x-middleware-request-${name}`);

it("matches pages, not the API or static assets", () => {
  const matcher = new RegExp(`^${config.matcher[0]}$`);
  for (const path of ["/", "/connections", "/login", "/link/abc", "/link/callback"])
    expect(matcher.test(path)).toBe(true);
  for (const path of ["/api/trpc/connections.list", "/api/export/audit", "/_next/static/chunk.js", "/favicon.ico"])
    expect(matcher.test(path)).toBe(false);
});

it("sends a signed-out browser to sign-in on the configured origin, and back to the same page", async () => {
  const response = await get("/connections?status=error", { host: "evil.example", "x-forwarded-host": "evil.example" });
  expect(response.status).toBe(307);
  const location = new URL(response.headers.get("location") ?? "");
  expect(location.origin).toBe(ORIGIN);
  expect(location.pathname).toBe("/login");
  expect(location.searchParams.get("callbackUrl")).toBe("/connections?status=error");
  expect(response.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
});

it("lets a signed-in browser through, with a fresh nonce in the CSP the renderer reads", async () => {
  const user = {
    id: "usr_1",
    email: "s@example.test",
    name: "S",
    role: "support" as const,
    tenantId: null,
    tenantName: null,
  };
  const session = await encode({ token: { sub: user.id, user }, secret: authSecret() });
  const first = await get("/connections", { cookie: `next-auth.session-token=${session}` });
  expect(first.headers.get("x-middleware-next")).toBe("1");
  const csp = first.headers.get("content-security-policy") ?? "";
  const nonce = forwarded(first, "x-nonce");
  expect(nonce).toBeTruthy();
  expect(csp).toContain(`'nonce-${nonce}'`);
  expect(forwarded(first, "content-security-policy")).toBe(csp);
  expect(csp).not.toContain("'unsafe-eval'");
  const second = await get("/connections", { cookie: `next-auth.session-token=${session}` });
  expect(forwarded(second, "x-nonce")).not.toBe(nonce);
  // A forged session cookie is no session, nor is a token sealed without the user the sign-in puts in it.
  expect((await get("/connections", { cookie: "next-auth.session-token=forged" })).status).toBe(307);
  const bare = await encode({ token: { sub: user.id }, secret: authSecret() });
  expect((await get("/connections", { cookie: `next-auth.session-token=${bare}` })).status).toBe(307);
});

describeEachDb(
  "proxy: the relink page's HTTP status",
  (db) => {
    let previous: DB | undefined;
    beforeAll(() => {
      previous = globalThis.consoleDb;
      globalThis.consoleDb = db().db;
    });
    afterAll(() => {
      globalThis.consoleDb = previous;
    });

    it("rewrites to the page with 404, 410 or 200, and drops a client-sent rate-limit header", async () => {
      const unknown = await get(`/link/${"z".repeat(43)}`, { [LINK_RETRY_AFTER_HEADER]: "99" });
      expect(unknown.status).toBe(404);
      expect(unknown.headers.get("x-middleware-rewrite")).toContain(`/link/${"z".repeat(43)}`);
      expect(forwarded(unknown, LINK_RETRY_AFTER_HEADER)).toBeNull();
      expect(unknown.headers.get("x-middleware-override-headers")).not.toContain(LINK_RETRY_AFTER_HEADER);
      expect(unknown.headers.get("cache-control")).toBe("no-store");
      for (const state of ["expired", "used", "revoked"] as const)
        expect((await get(`/link/${await linkInState(db().db, state)}`)).status).toBe(410);
      expect((await get(`/link/${await linkInState(db().db, "open", 1)}`)).status).toBe(200);
    });

    it("answers 200 'reconnected' on a used link only with this browser's proof, else 410", async () => {
      const token = await linkInState(db().db, "used", 2);
      expect((await get(`/link/${token}?done=1`)).status).toBe(410);
      const proof = `${DONE_COOKIE}=${encodeURIComponent(sealDone(token))}`;
      expect((await get(`/link/${token}?done=1`, { cookie: proof })).status).toBe(200);
      const other = await linkInState(db().db, "used", 3);
      expect((await get(`/link/${other}?done=1`, { cookie: proof })).status).toBe(410);
    });

    it("answers 429 with Retry-After once the client passes the limit; rotating X-Forwarded-For does not help", async () => {
      const statuses: number[] = [];
      let limited: Response | undefined;
      for (let i = 0; i < 40; i++) {
        const response = await get(`/link/${"q".repeat(43)}`, { "x-forwarded-for": `203.0.113.${i}` });
        statuses.push(response.status);
        if (response.status === 429) limited = response;
      }
      expect(statuses).toContain(429);
      expect(Number(limited?.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(forwarded(limited ?? new Response(), LINK_RETRY_AFTER_HEADER)).toBe(limited?.headers.get("retry-after"));
    });
  },
  async (t) => {
    await seedDemo(t.db, { connections: 120, seed: 8 });
  },
);
