// Isolation at the route handlers outside tRPC: the CSV/JSON exports (the route files themselves,
// with the session of each role), the ingest API (a key bound to one tenant pushing records that
// name another tenant), and the public relink pages (a token, cookie or code of another link).
// Each must refuse or filter, never answer with the other tenant's data, and change nothing.
import { NextRequest } from "next/server";
import { afterEach, expect, it, vi } from "vitest";
import { GET as exportAudit } from "@/app/api/export/audit/route";
import { GET as exportConnections } from "@/app/api/export/connections/route";
import { POST as ingest } from "@/app/api/ingest/[kind]/route";
import type { SessionUser } from "../auth/session-user";
import { loadFixture } from "../adapters/fixtures/load-fixture";
import { publicOrigin } from "../http/public-origin";
import { FLOW_COOKIE } from "../oauth/flow-cookie";
import { finishRelinkFlow } from "../oauth/finish-relink-flow";
import { handleRelinkCallback } from "../oauth/http-handlers";
import { readLinkPage } from "../relink/open-public-link";
import { readPublicLink } from "../relink/public-link";
import { TenantScope } from "../scope/tenant-scope";
import { callerAs, staff } from "../test/callers";
import { describeEachDb } from "../test/databases";
import { printFigures } from "./figures";
import { forbiddenNeedles, foundIn } from "./needles";
import { approvedCallback, routeTokenRequestsToSandbox, startFlow } from "./sandbox-flow";
import { ROLE_NAMES, ROLE_USERS, seedSecurityFixture, type SecurityFixture } from "./security-fixture";
import { changedTables, tableChecksums } from "./table-checksum";

// The export routes read the session through sessionScope(); the suite decides whose it is.
const session = vi.hoisted(() => ({ current: null as { user: SessionUser; scope: TenantScope } | null }));
vi.mock("../scope/session-scope", () => ({ sessionScope: () => Promise.resolve(session.current) }));

afterEach(() => vi.unstubAllGlobals());

let fixture: SecurityFixture | undefined;
const f = () => {
  if (!fixture) throw new Error("fixture not seeded");
  return fixture;
};

const ORIGIN = publicOrigin();
/** api_keys.last_used_at moves on every authenticated ingest call; it is not tenant data. */
const IGNORE = { ignoreColumns: { api_keys: ["last_used_at"] } };

describeEachDb(
  "isolation at the route handlers",
  (get) => {
    it("exports (connections CSV/JSON, audit CSV): each role gets its own tenant's rows, whatever the query names", async () => {
      const { db, kind } = get();
      const failures: string[] = [];
      let tried = 0;
      const foreign = f().foreign;
      const requests = [
        ["connections csv", exportConnections, `/api/export/connections?tenant=${foreign.tenantId}`],
        ["connections json", exportConnections, `/api/export/connections?format=json&q=${foreign.connectionIds[0]}`],
        ["audit csv (tenant)", exportAudit, `/api/export/audit?tenantId=${foreign.tenantId}`],
        ["audit csv (connection)", exportAudit, `/api/export/audit?connectionId=${foreign.connectionIds[0]}`],
      ] as const;
      for (const role of ROLE_NAMES) {
        const user = ROLE_USERS[role];
        session.current = user ? { user, scope: TenantScope.forUser(db, user) } : null;
        for (const [label, handler, path] of requests) {
          tried++;
          const before = await tableChecksums(db);
          const response = await handler(new Request(`${ORIGIN}${path}`));
          const text = await response.text();
          const where = `${label} as ${role}`;
          const want = user ? 200 : 401;
          if (response.status !== want) failures.push(`${where}: ${response.status}, expected ${want}`);
          const leaked = foundIn(text, forbiddenNeedles(f(), user), path);
          if (leaked.length) failures.push(`${where}: holds ${leaked.join(", ")}`);
          if (foundIn(text, f().secrets).length) failures.push(`${where}: holds a secret`);
          const changed = changedTables(before, await tableChecksums(db));
          if (changed.length) failures.push(`${where}: changed ${changed.join(", ")}`);
          // Staff's export of that tenant is their right; it proves the needles would be seen.
          if (role === "support" && label !== "connections json" && foundIn(text, foreign.needles).length === 0)
            failures.push(`${where}: staff should see the other tenant's rows`);
        }
      }
      printFigures("isolation: export routes", kind, tried, failures.length, `${requests.length} exports × 4 roles`);
      expect(failures).toEqual([]);
    });

    it("ingest: a key bound to one tenant cannot write, move or read another tenant's connections", async () => {
      const { db, kind } = get();
      globalThis.consoleDb = db;
      const own = f().own;
      const foreign = f().foreign;
      // A key for the generic (JSON Schema) platform, bound to the own tenant, for tenant_id records.
      const schemaKey = (
        await callerAs(db, staff()).apiKeys.create({ name: "Acme schema", platform: "generic", tenantId: own.tenantId })
      ).key;
      const codat = (id: string) => ({ ...(loadFixture("vendor/codat-connection-example-6.json") as object), id });
      const schema = (id: string, tenant: string) => ({
        ...(loadFixture("vendor/schema-connection-example-1.json") as object),
        id,
        tenant_id: tenant,
      });
      const cases = [
        {
          label: "a connection record with the other tenant's platform id",
          kind: "connections",
          query: "format=codat",
          key: own.apiKey.key,
          body: [codat(foreign.platformIds[0])],
          status: 200,
          reason: /belongs to another tenant/,
        },
        {
          label: "the same, naming the other tenant in ?tenant=",
          kind: "connections",
          query: `format=codat&tenant=${foreign.slug}`,
          key: own.apiKey.key,
          body: [codat(foreign.platformIds[0])],
          status: 403,
          reason: /scoped to one tenant/,
        },
        {
          label: "an error for the other tenant's connection",
          kind: "errors",
          query: "format=codat",
          key: own.apiKey.key,
          body: [
            {
              connectionId: foreign.platformIds[0],
              statusCode: "401",
              errorMessage: "probe",
              erroredOnUtc: "2026-11-01T00:00:00Z",
            },
          ],
          status: 200,
          reason: /no codat connection .* here/,
        },
        {
          label: "a JSON Schema record whose tenant_id names the other tenant",
          kind: "connections",
          query: "format=schema",
          key: schemaKey,
          body: [schema("probe-schema-1", foreign.slug)],
          status: 200,
          reason: /names tenant .* but this API key is scoped to tenant/,
        },
      ];
      const failures: string[] = [];
      for (const c of cases) {
        const before = await tableChecksums(db, IGNORE);
        const response = await ingest(
          new Request(`${ORIGIN}/api/ingest/${c.kind}?${c.query}`, {
            method: "POST",
            headers: { authorization: `Bearer ${c.key}`, "content-type": "application/json" },
            body: JSON.stringify(c.body),
          }),
          { params: Promise.resolve({ kind: c.kind }) },
        );
        const text = await response.text();
        const body = JSON.parse(text) as {
          counts?: Record<string, number>;
          results?: { issues?: { reason: string }[] }[];
          error?: string;
        };
        const reason = body.error ?? body.results?.[0]?.issues?.map((i) => i.reason).join("; ") ?? "";
        if (!c.reason.test(reason)) failures.push(`${c.label}: refused for "${reason}", expected ${String(c.reason)}`);
        if (response.status !== c.status) failures.push(`${c.label}: ${response.status}, expected ${c.status}`);
        const { accepted = 0, updated = 0, rejected = 0 } = body.counts ?? {};
        if (c.status === 200 && (rejected !== 1 || accepted + updated !== 0))
          failures.push(`${c.label}: ${JSON.stringify(body.counts)}, expected 1 rejected`);
        const leaked = foundIn(text, foreign.needles, JSON.stringify(c.body) + c.query);
        if (leaked.length) failures.push(`${c.label}: holds ${leaked.join(", ")}`);
        const changed = changedTables(before, await tableChecksums(db, IGNORE));
        if (changed.length) failures.push(`${c.label}: changed ${changed.join(", ")}`);
      }
      printFigures("isolation: ingest API", kind, cases.length, failures.length);
      expect(failures).toEqual([]);
    });

    it("public link pages: a link shows only its own tenant; another link's token, cookie or code completes nothing", async () => {
      const { db, kind } = get();
      routeTokenRequestsToSandbox(db);
      const own = f().own;
      const foreign = f().foreign;
      const failures: string[] = [];
      let tried = 0;
      const check = (label: string, ok: boolean) => {
        tried++;
        if (!ok) failures.push(label);
      };

      const page = await readLinkPage(own.linkToken, false, db);
      check("own link page is open", page.kind === "open");
      check("own link page names only its tenant", !foundIn(JSON.stringify(page), foreign.needles).length);
      check("an unknown token is 404", (await readLinkPage("A".repeat(43), false, db)).status === 404);

      const before = await tableChecksums(db);
      const a = await startFlow(db, own.linkToken);
      const b = await startFlow(db, foreign.linkToken);
      const codeForB = await approvedCallback(db, b);
      // A's browser (cookie A) comes back with B's code and state: the state is not A's.
      const mixed = await finishRelinkFlow(db, codeForB, a.flow);
      check(`cookie of A + callback of B: failed (got ${mixed.kind})`, mixed.kind === "failed");
      // A's state with a code issued to B's authorisation: PKCE binds the code to B's verifier.
      const stolen = new URLSearchParams(await approvedCallback(db, b));
      stolen.set("state", a.flow.state);
      const withState = await finishRelinkFlow(db, stolen, a.flow);
      check(`state of A + code of B: failed (got ${withState.kind})`, withState.kind === "failed");
      // Over HTTP: the cookie of A, the callback of B.
      const response = await handleRelinkCallback(
        new NextRequest(`${ORIGIN}/link/callback?${(await approvedCallback(db, b)).toString()}`, {
          headers: { cookie: `${FLOW_COOKIE}=${encodeURIComponent(a.cookie)}` },
        }),
        db,
      );
      check(
        `HTTP callback of B with the cookie of A goes to A's page with a problem (got ${response.headers.get("location")})`,
        response.headers.get("location") === `${ORIGIN}/link/${own.linkToken}?problem=failed`,
      );
      // Only the sandbox's one-time codes may change; no connection, link, error or audit event.
      const changed = changedTables(before, await tableChecksums(db)).filter((t) => t !== "sandbox_oauth_codes");
      check(`nothing changed (changed: ${changed.join(", ")})`, changed.length === 0);
      check("link A still open", (await readPublicLink(db, own.linkToken)).state === "open");
      check("link B still open", (await readPublicLink(db, foreign.linkToken)).state === "open");
      // Control: B's own callback completes B, and only B.
      const good = await finishRelinkFlow(db, await approvedCallback(db, b), b.flow);
      check(`B's own callback completes B (got ${good.kind})`, good.kind === "connected");
      check("link A still open after B completed", (await readPublicLink(db, own.linkToken)).state === "open");

      printFigures("isolation: public link pages", kind, tried, failures.length);
      expect(failures).toEqual([]);
    });

    it("scopes built for one tenant never reach another's rows (the constructors the routes use)", async () => {
      const { db } = get();
      const own = f().own;
      const foreign = f().foreign;
      const key = TenantScope.unscopedForApiKey(db, { id: "k", name: "k", tenantId: own.tenantId });
      const ingestScope = TenantScope.unscopedForIngest(db, own.tenantId);
      for (const scope of [key, ingestScope]) {
        const rows = await scope.connections().select("id").where("id", "in", foreign.connectionIds).execute();
        expect(rows).toEqual([]);
        const changed = await scope
          .updateConnections()
          .set({ name: "moved" })
          .where("id", "in", foreign.connectionIds)
          .executeTakeFirst();
        expect(Number(changed.numUpdatedRows)).toBe(0);
      }
    });
  },
  async (t) => {
    fixture = await seedSecurityFixture(t.db);
  },
);
