import { afterEach, expect, it, vi } from "vitest";
import { seedDemo } from "../demo-data/seed-demo";
import { publicOrigin } from "../http/public-origin";
import { describeEachDb } from "../test/databases";
import { acmeAdmin, callerAs } from "../test/callers";
import { readPublicLink } from "../relink/public-link";
import { breakConnection, pickConnection, snapshot, tokenOf } from "../relink/relink-test-helpers";
import { checkAuthorizeRequest, redirectWith } from "../sandbox-oauth/authorize-request";
import { issueSandboxCode } from "../sandbox-oauth/codes";
import { handleSandboxToken } from "../sandbox-oauth/token-endpoint";
import { sandboxIssuer } from "../sandbox-oauth/urls";
import { openFlow } from "./flow-cookie";
import { finishRelinkFlow } from "./finish-relink-flow";
import { startRelinkFlow } from "./start-relink-flow";

// The configured public origin (tests configure none: http://localhost:3000).
const ORIGIN = publicOrigin();

describeEachDb(
  "relink OAuth flow against the sandbox provider",
  (get) => {
    // The token request goes to the sandbox's handler instead of over the network.
    function routeTokenRequests() {
      vi.stubGlobal("fetch", async (input: RequestInfo | URL, init?: RequestInit) => {
        const url = new URL(input instanceof Request ? input.url : String(input));
        expect(url.toString()).toBe(`${sandboxIssuer(ORIGIN)}/token`);
        const sent = init?.body;
        const body = new URLSearchParams(sent instanceof URLSearchParams || typeof sent === "string" ? sent : "");
        const result = await handleSandboxToken(get().db, body);
        return new Response(JSON.stringify(result.body), {
          status: result.status,
          headers: { "content-type": "application/json" },
        });
      });
    }
    afterEach(() => vi.unstubAllGlobals());

    async function beginFlow(skip: number) {
      const db = get().db;
      const id = await pickConnection(db, "ten_acme", true, skip);
      await breakConnection(db, id);
      const link = await callerAs(db, acmeAdmin()).relink.create({ connectionId: id });
      const token = tokenOf(link.url);
      const started = await startRelinkFlow(db, token);
      if (started.kind !== "redirect") throw new Error(started.kind);
      const authorize = new URL(started.location);
      const check = await checkAuthorizeRequest(db, Object.fromEntries(authorize.searchParams), ORIGIN);
      if (!check.ok) throw new Error(check.message);
      return { id, token, flow: openFlow(started.cookie), check, authorize };
    }

    it("approve: PKCE code exchange, then the connection is active and the link used", async () => {
      routeTokenRequests();
      const db = get().db;
      const { id, token, flow, check, authorize } = await beginFlow(0);
      expect(authorize.searchParams.get("code_challenge_method")).toBe("S256");
      expect(authorize.searchParams.get("redirect_uri")).toBe(`${ORIGIN}/link/callback`);
      expect(flow?.token).toBe(token);
      const code = await issueSandboxCode(db, check.params, false);
      const back = new URL(redirectWith(check.params, sandboxIssuer(ORIGIN), { code }));
      expect(await finishRelinkFlow(db, back.searchParams, flow)).toEqual({ kind: "connected", token });
      const after = await snapshot(db, id);
      expect(after.connection.status).toBe("active");
      expect(after.connection.upstream_status).toBeNull();
      // The sandbox's refresh token lives 90 days; that, not the 1-hour access token, is the auth expiry.
      expect(Date.parse(after.connection.auth_expires_at ?? "") - Date.now()).toBeGreaterThan(89 * 86_400_000);
      expect(after.connection.credentials_encrypted).not.toContain("sbx_at_");
      expect(after.audit.some((a) => a.action === "connection.relinked")).toBe(true);
      expect(await readPublicLink(db, token)).toEqual({ state: "used" });
    });

    it("deny, provider failure and a forged state change nothing and keep the link usable", async () => {
      routeTokenRequests();
      const db = get().db;
      const { id, token, flow, check } = await beginFlow(1);
      const before = await snapshot(db, id);
      const issuer = sandboxIssuer(ORIGIN);
      const denied = new URL(redirectWith(check.params, issuer, { error: "access_denied" }));
      expect(await finishRelinkFlow(db, denied.searchParams, flow)).toEqual({ kind: "denied", token });
      const failing = await issueSandboxCode(db, check.params, true);
      expect(
        await finishRelinkFlow(db, new URL(redirectWith(check.params, issuer, { code: failing })).searchParams, flow),
      ).toEqual({ kind: "failed", token });
      const forged = new URL(
        redirectWith({ ...check.params, state: "someone-elses-state" }, issuer, {
          code: await issueSandboxCode(db, check.params, false),
        }),
      );
      expect(await finishRelinkFlow(db, forged.searchParams, flow)).toEqual({ kind: "failed", token });
      expect(await finishRelinkFlow(db, denied.searchParams, null)).toEqual({ kind: "no-flow" });
      // A good code and state, but the response names another issuer (RFC 9207): refused, even a "denial".
      const otherIssuer = new URL(
        redirectWith(check.params, "http://evil.example/sandbox-oauth", {
          code: await issueSandboxCode(db, check.params, false),
        }),
      );
      expect(await finishRelinkFlow(db, otherIssuer.searchParams, flow)).toEqual({ kind: "failed", token });
      const deniedElsewhere = new URL(redirectWith(check.params, "http://evil.example", { error: "access_denied" }));
      expect(await finishRelinkFlow(db, deniedElsewhere.searchParams, flow)).toEqual({ kind: "failed", token });
      const after = await snapshot(db, id);
      expect(after.connection).toEqual(before.connection);
      expect(after.errors).toEqual(before.errors);
      expect(after.links.map((l) => l.used_at)).toEqual(before.links.map((l) => l.used_at));
      expect((await readPublicLink(db, token)).state).toBe("open");
    });

    it("sandbox token endpoint: codes are single-use and bound to the PKCE verifier", async () => {
      const db = get().db;
      const { flow, check } = await beginFlow(2);
      if (!flow) throw new Error("no flow");
      const form = (code: string, verifier: string) =>
        new URLSearchParams({
          grant_type: "authorization_code",
          code,
          client_id: check.params.client_id,
          redirect_uri: check.params.redirect_uri,
          code_verifier: verifier,
        });
      const wrong = await issueSandboxCode(db, check.params, false);
      expect((await handleSandboxToken(db, form(wrong, "x".repeat(43)))).body.error).toBe("invalid_grant");
      // A code tried with the wrong verifier is burnt, as RFC 6749 asks.
      expect((await handleSandboxToken(db, form(wrong, flow.verifier))).body.error).toBe("invalid_grant");
      const good = await issueSandboxCode(db, check.params, false);
      const ok = await handleSandboxToken(db, form(good, flow.verifier));
      expect(ok.status).toBe(200);
      expect(ok.body.token_type).toBe("Bearer");
      expect((await handleSandboxToken(db, form(good, flow.verifier))).body.error).toBe("invalid_grant");
      const bad = await checkAuthorizeRequest(
        db,
        { ...check.params, redirect_uri: "https://evil.test/link/callback" },
        ORIGIN,
      );
      expect(bad.ok).toBe(false);
      const unknownClient = await checkAuthorizeRequest(db, { ...check.params, client_id: "nobody" }, ORIGIN);
      expect(unknownClient.ok).toBe(false);
    });
  },
  async (t) => {
    await seedDemo(t.db, { connections: 200, seed: 13 });
  },
);
