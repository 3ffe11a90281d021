// The relink flow over HTTP, as a relink-URL holder would attack it: forged X-Forwarded-Host and
// -Proto, an `iss` naming their own server, rotating X-Forwarded-For.
import { NextRequest } from "next/server";
import { afterEach, beforeEach, expect, it, vi } from "vitest";
import { seedDemo } from "../demo-data/seed-demo";
import { publicOrigin } from "../http/public-origin";
import { readPublicLink } from "../relink/public-link";
import { breakConnection, pickConnection, snapshot, tokenOf } from "../relink/relink-test-helpers";
import { acmeAdmin, callerAs } from "../test/callers";
import { describeEachDb } from "../test/databases";
import { DONE_COOKIE, FLOW_COOKIE, openFlow } from "./flow-cookie";
import { handleRelinkCallback, handleRelinkStart } from "./http-handlers";

const ORIGIN = publicOrigin();
const FORGED = { "x-forwarded-host": "evil.example", "x-forwarded-proto": "http", host: "evil.example" };

describeEachDb(
  "relink HTTP handlers: no request header chooses an origin, an issuer or a client address",
  (get) => {
    // Every outbound request is recorded; the "attacker's" token endpoint would hand out its tokens.
    let outbound: string[] = [];
    beforeEach(() => {
      outbound = [];
      vi.stubGlobal("fetch", (input: RequestInfo | URL) => {
        outbound.push(input instanceof Request ? input.url : String(input));
        return Promise.resolve(
          Response.json({ access_token: "evil_at", token_type: "Bearer", expires_in: 3600 }, { status: 200 }),
        );
      });
    });
    afterEach(() => vi.unstubAllGlobals());

    async function startWithForgedHeaders(skip: number) {
      const db = get().db;
      const id = await pickConnection(db, "ten_acme", true, skip);
      await breakConnection(db, id);
      const token = tokenOf((await callerAs(db, acmeAdmin()).relink.create({ connectionId: id })).url);
      const started = await handleRelinkStart(
        new NextRequest(`${ORIGIN}/link/${token}/start`, { method: "POST", headers: FORGED }),
        token,
        db,
      );
      const cookie = started.headers.get("set-cookie");
      const sealed = /relink_flow=([^;]+)/.exec(cookie ?? "")?.[1];
      return { id, token, started, sealed: sealed ? decodeURIComponent(sealed) : undefined };
    }

    it("start: the authorize request and its redirect URI are on the configured origin", async () => {
      const { started, sealed } = await startWithForgedHeaders(0);
      expect(started.status).toBe(303);
      const authorize = new URL(started.headers.get("location") ?? "");
      expect(authorize.origin).toBe(ORIGIN);
      expect(authorize.pathname).toBe("/sandbox-oauth/authorize");
      expect(authorize.searchParams.get("redirect_uri")).toBe(`${ORIGIN}/link/callback`);
      expect(openFlow(sealed)).not.toBeNull();
      expect(outbound).toEqual([]);
    });

    it("callback with a forged host and an iss on another host: no request leaves, nothing changes, a clear page", async () => {
      const db = get().db;
      const { id, token, sealed } = await startWithForgedHeaders(1);
      const flow = openFlow(sealed);
      if (!flow || !sealed) throw new Error("no flow cookie");
      const before = await snapshot(db, id);
      const callback = new URL(`${ORIGIN}/link/callback`);
      callback.searchParams.set("code", "code-from-evil");
      callback.searchParams.set("state", flow.state);
      callback.searchParams.set("iss", "http://evil.example/sandbox-oauth");
      const response = await handleRelinkCallback(
        new NextRequest(callback, { headers: { ...FORGED, cookie: `${FLOW_COOKIE}=${encodeURIComponent(sealed)}` } }),
        db,
      );
      expect(outbound).toEqual([]);
      expect(response.status).toBe(303);
      expect(response.headers.get("location")).toBe(`${ORIGIN}/link/${token}?problem=failed`);
      expect(response.headers.get("set-cookie")).not.toContain(DONE_COOKIE);
      const after = await snapshot(db, id);
      expect(after.connection).toEqual(before.connection);
      expect(after.connection.credentials_encrypted).toBe(before.connection.credentials_encrypted);
      expect(after.audit).toEqual(before.audit);
      expect((await readPublicLink(db, token)).state).toBe("open");
    });

    it("rotating X-Forwarded-For does not escape the rate limit: 429 with Retry-After", async () => {
      const db = get().db;
      const answers: Response[] = [];
      for (let i = 0; i < 40; i++) {
        const request = new NextRequest(`${ORIGIN}/link/callback?state=x&code=y`, {
          headers: { "x-forwarded-for": `203.0.113.${i}` },
        });
        answers.push(await handleRelinkCallback(request, db));
      }
      const refused = answers.find((r) => r.status === 429);
      expect(refused).toBeDefined();
      expect(Number(refused?.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(await refused?.text()).toMatch(/Too many requests.*Try again in \d+ s/s);
      expect(outbound).toEqual([]);
    });
  },
  async (t) => {
    await seedDemo(t.db, { connections: 200, seed: 13 });
  },
);
