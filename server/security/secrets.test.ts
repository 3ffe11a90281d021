// Secrets never leak. Credentials sealed at rest, secret-named run parameters, unmapped fields,
// connection info and metadata, relink tokens and API keys are planted with one random marker
// (server/security/security-fixture.ts); then every procedure is called as every role with valid
// inputs, the pages' server loaders and the exports run as every role, secrets are pushed through
// the ingest API, failures that log are provoked — and the responses and every log line written
// at debug level (server/log.ts, captured at its destination) must hold no marker.
// The rendered HTML of every page is crawled by e2e/secrets.spec.ts.
import { Writable } from "node:stream";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, expect, it, vi } from "vitest";
import { POST as ingest } from "@/app/api/ingest/[kind]/route";
import { createDb } from "../../db";
import { loadFixture } from "../adapters/fixtures/load-fixture";
import { auditCsvResponse } from "../audit/audit-csv-response";
import { loadConnectionDetail } from "../connections/detail/load-detail";
import { exportConnectionsResponse } from "../connections/export/export-response";
import { finishRelinkFlow } from "../oauth/finish-relink-flow";
import { readLinkPage } from "../relink/open-public-link";
import { loadLedgerPage } from "../relink/ledger-page";
import { tokenOf } from "../relink/relink-test-helpers";
import { TenantScope } from "../scope/tenant-scope";
import { acmeAdmin, callerAs, staff } from "../test/callers";
import { describeEachDb } from "../test/databases";
import { createTRPCContext } from "../trpc";
import { handleTRPCRequest } from "../http/trpc-handler";
import { API_KEY_SCOPES } from "../../lib/api-key-scopes";
import { REST_ROUTES } from "../rest/routes";
import { printFigures } from "./figures";
import { REST_CATALOG } from "./rest-catalog";
import { restAs } from "./rest-http";
import { foundIn } from "./needles";
import { PROCEDURE_CATALOG } from "./procedure-catalog";
import { approvedCallback, startFlow } from "./sandbox-flow";
import { ROLE_NAMES, ROLE_USERS, seedSecurityFixture, type SecurityFixture } from "./security-fixture";
import { callOverHttp, ORIGIN, routerProcedures, trpcRequest } from "./trpc-http";

// The log at debug level, written to a destination the suite reads (pino writes synchronously).
const captured = vi.hoisted(() => {
  process.env.LOG_LEVEL = "debug";
  return { lines: [] as string[] };
});
vi.mock("../log", async (importOriginal) => {
  const actual = await importOriginal<typeof import("../log")>();
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      captured.lines.push(chunk.toString("utf8"));
      done();
    },
  });
  return { ...actual, log: actual.createLogger(destination) };
});

// Whatever reaches the console (a stray console.error in a handler) counts as log output too.
const consoleOutput: string[] = [];
beforeAll(() => {
  for (const method of ["error", "warn", "info", "debug"] as const) {
    const original = console[method].bind(console);
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      consoleOutput.push(args.map((a) => (a instanceof Error ? `${a.message} ${a.stack}` : String(a))).join(" "));
      original(...args);
    });
  }
});
afterAll(() => {
  vi.restoreAllMocks();
});
afterEach(() => vi.unstubAllGlobals());

let fixture: SecurityFixture | undefined;
const f = () => {
  if (!fixture) throw new Error("fixture not seeded");
  return fixture;
};

describeEachDb(
  "secrets never leak",
  (get) => {
    /** Every secret planted so far, including those pushed through ingest below. */
    const secrets = () => [...f().secrets, ...pushed];
    const pushed: string[] = [];
    // Log lines and console output written while this database's suite runs.
    let logStart = 0;
    let consoleStart = 0;
    beforeAll(() => {
      logStart = captured.lines.length;
      consoleStart = consoleOutput.length;
    });

    it("every procedure × role with valid inputs: 0 markers in any response", async () => {
      const { db, kind } = get();
      const failures: string[] = [];
      let tried = 0;
      for (const role of ROLE_NAMES) {
        const user = ROLE_USERS[role];
        for (const proc of routerProcedures()) {
          const c = PROCEDURE_CATALOG[proc.path];
          if (!c) continue; // the isolation matrix names it
          tried++;
          const input = await c.valid({ f: f(), db, user: user ?? acmeAdmin() });
          const out = await callOverHttp(db, user, proc.path, proc.type, input);
          const where = `${proc.path} as ${role}`;
          if (foundIn(out.text, secrets()).length) failures.push(`${where}: response holds a planted secret`);
          // A valid call by an allowed role must succeed, or this check proves nothing.
          const allowed =
            user !== null &&
            (c.access === "signed-in" ||
              (c.access === "writer" && user.role !== "viewer") ||
              (c.access === "staff" && user.role === "support"));
          if (allowed && out.status !== 200) failures.push(`${where}: ${out.status} ${out.message ?? ""}`);
          if (!allowed && out.status !== 401 && out.status !== 403)
            failures.push(`${where}: ${out.status}, expected 401/403`);
        }
      }
      printFigures("secrets: procedures × roles", kind, tried, failures.length);
      expect(failures).toEqual([]);
    });

    it("the pages' server loaders, exports and the public link page as every role: 0 markers", async () => {
      const { db, kind } = get();
      const failures: string[] = [];
      let tried = 0;
      const check = (where: string, value: unknown) => {
        tried++;
        const text = typeof value === "string" ? value : JSON.stringify(value);
        if (foundIn(text, secrets()).length) failures.push(`${where}: holds a planted secret`);
      };
      for (const role of ROLE_NAMES) {
        const user = ROLE_USERS[role];
        if (!user) continue; // signed out: the console layout redirects to /login before any loader runs
        const scope = TenantScope.forUser(db, user);
        for (const id of [...f().own.connectionIds, ...f().foreign.connectionIds]) {
          const detail = await loadConnectionDetail(scope, id, 20);
          check(`detail page ${id} as ${role}`, detail);
          if (detail && id === f().own.connectionIds[0] && detail.runs.rows.length === 0)
            failures.push(`detail page ${id} as ${role}: no runs read (the check would prove nothing)`);
        }
        check(`relink page as ${role}`, await loadLedgerPage(callerAs(db, user), {}));
        for (const format of ["csv", "json"] as const) {
          const response = exportConnectionsResponse(scope, { filters: {}, sort: "name", dir: "asc" }, format);
          check(`connections ${format} export as ${role}`, await response.text());
        }
        check(`audit CSV export as ${role}`, await auditCsvResponse(scope, new URLSearchParams()).text());
      }
      for (const token of [f().own.linkToken, f().foreign.linkToken])
        check("public link page", await readLinkPage(token, false, db));
      printFigures("secrets: page loaders and exports", kind, tried, failures.length);
      expect(failures).toEqual([]);
    });

    it("secrets pushed through the ingest API are sealed or redacted; a malformed body holding one is not echoed", async () => {
      const { db, kind } = get();
      globalThis.consoleDb = db;
      const marker = f().marker;
      const support = callerAs(db, staff());
      const keyFor = async (platform: "unified" | "workiva") =>
        (await support.apiKeys.create({ name: `secrets ${platform}`, platform, tenantId: f().own.tenantId })).key;
      const [unifiedKey, workivaKey] = [await keyFor("unified"), await keyFor("workiva")];
      pushed.push(unifiedKey, workivaKey);
      const unified = {
        ...(loadFixture("constructed/unified-connection-full.json") as Record<string, unknown>),
        id: "secrets-unified-1",
        auth: { access_token: `${marker}-ingest-at`, refresh_token: `${marker}-ingest-rt`, api_url: "https://x.test" },
        client_secret: `${marker}-ingest-unmapped`,
      };
      const dto = {
        ...(loadFixture("constructed/workiva-connection-full.json") as Record<string, unknown>),
        connectionId: "secrets-dto-1",
        lastRunSourceParameters: { quarter: "Q2", password: `${marker}-ingest-pw` },
        lastRunDestinationParameters: { range: "A1", apiKey: `${marker}-ingest-key` },
      };
      const post = (format: string, key: string, body: string) =>
        ingest(
          new Request(`${ORIGIN}/api/ingest/connections?format=${format}`, {
            method: "POST",
            headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
            body,
          }),
          { params: Promise.resolve({ kind: "connections" }) },
        );
      const failures: string[] = [];
      const responses: [string, Response][] = [
        ["unified", await post("unified", unifiedKey, JSON.stringify([unified]))],
        ["dto", await post("dto", workivaKey, JSON.stringify([dto]))],
        // Malformed JSON right after a secret: the parse error must not quote the body.
        ["malformed", await post("unified", unifiedKey, `[{"auth":{"access_token":"${marker}-broken" ]`)],
        ["malformed ndjson", await post("unified", unifiedKey, `{"client_secret":"${marker}-broken2"}\n{"id": x}`)],
      ];
      for (const [label, response] of responses) {
        const text = await response.text();
        if (foundIn(text, [marker]).length)
          failures.push(`${label}: the response holds the marker: ${text.slice(0, 200)}`);
        // A broken JSON body is refused whole (400); a broken NDJSON line is one rejected record (200).
        const want = label === "malformed" ? 400 : 200;
        if (response.status !== want) failures.push(`${label}: ${response.status}, expected ${want}`);
        if (!label.startsWith("malformed") && !/"accepted":1/.test(text))
          failures.push(`${label}: not accepted: ${text}`);
        if (label === "malformed ndjson" && !/"rejected":2/.test(text))
          failures.push(`${label}: not rejected: ${text}`);
      }
      // Stored: sealed, never in plain text.
      const rows = await db
        .selectFrom("connections")
        .selectAll()
        .where("platform_id", "in", ["secrets-unified-1", "secrets-dto-1"])
        .execute();
      if (rows.length !== 2) failures.push(`expected 2 ingested rows, found ${rows.length}`);
      if (foundIn(JSON.stringify(rows.map((r) => r.credentials_encrypted)), [marker]).length)
        failures.push("credentials stored in plain text");
      // Read back as every role that may see them.
      for (const role of ROLE_NAMES) {
        const user = ROLE_USERS[role];
        if (!user) continue;
        for (const row of rows) {
          const detail = await loadConnectionDetail(TenantScope.forUser(db, user), row.id, 20);
          if (!detail) failures.push(`${row.platform_id} as ${role}: not visible`);
          if (foundIn(JSON.stringify(detail), [marker]).length) failures.push(`${row.platform_id} as ${role}: leaks`);
        }
      }
      printFigures("secrets: ingest API", kind, responses.length + rows.length * 3 + 1, failures.length);
      expect(failures).toEqual([]);
    });

    it("the REST API: every operation with a valid request: 0 markers, except the credentials a credentials:read key reads", async () => {
      const { db, kind } = get();
      globalThis.consoleDb = db;
      const { key } = await callerAs(db, staff()).apiKeys.create({
        name: "secrets REST",
        platform: "codat",
        tenantId: f().own.tenantId,
        scopes: [...API_KEY_SCOPES],
      });
      pushed.push(key);
      const readable = f().own.connectionIds[0];
      const failures: string[] = [];
      for (const route of REST_ROUTES) {
        const c = REST_CATALOG[`${route.method} ${route.path}`];
        if (!c) continue; // the REST isolation matrix names it
        const request = await c.valid(f(), db);
        const out = await restAs(key, route.method, request);
        if (out.status >= 300)
          failures.push(`${route.method} ${request.path}: ${out.status} ${out.text.slice(0, 200)}`);
        // The one planted secret a credentials:read key may read: that connection's own credentials.
        const allowed =
          route.path === "/connections/{id}/credentials"
            ? ["at", "rt", "cs"].map((part) => `${f().marker}-${part}-${readable}`)
            : [];
        const text = allowed.reduce((t, secret) => t.replaceAll(secret, ""), out.text);
        if (allowed.length && text === out.text) failures.push("the credentials read returned no credentials");
        if (foundIn(text, secrets()).length) failures.push(`${route.method} ${request.path}: holds a planted secret`);
      }
      printFigures("secrets: REST v1 operations", kind, REST_ROUTES.length, failures.length);
      expect(failures).toEqual([]);
    });

    it("provoked failures log their detail, and no log line or console output holds a marker", async () => {
      const { db, kind } = get();
      const marker = f().marker;
      // 1. A provider answers the token request with tokens the console cannot accept.
      const link = await callerAs(db, acmeAdmin()).relink.create({ connectionId: f().own.connectionIds[1] });
      const started = await startFlow(db, tokenOf(link.url));
      vi.stubGlobal("fetch", () =>
        Promise.resolve(
          Response.json({ access_token: `${marker}-bad-provider`, refresh_token: `${marker}-bad-rt`, token_type: 7 }),
        ),
      );
      const result = await finishRelinkFlow(db, await approvedCallback(db, started), started.flow);
      expect(result.kind).toBe("failed");
      vi.unstubAllGlobals();
      // 2. A server error on a request whose input holds a secret.
      const broken = createDb({ kind: "sqlite", url: path.join(mkdtempSync(path.join(tmpdir(), "secrets-")), "e.db") });
      try {
        const response = await handleTRPCRequest(
          trpcRequest("connections.list", "query", { q: `${marker}-in-input` }),
          () => Promise.resolve(createTRPCContext(broken, staff(), ORIGIN)),
        );
        expect(response.status).toBe(500);
        expect(foundIn(await response.text(), [marker])).toEqual([]);
      } finally {
        await broken.destroy();
      }
      const logLines = captured.lines.slice(logStart);
      const lines = [...logLines, ...consoleOutput.slice(consoleStart)];
      expect(logLines.some((l) => l.includes("relink: provider exchange failed"))).toBe(true);
      expect(logLines.some((l) => l.includes("tRPC internal error"))).toBe(true);
      const leaking = lines.filter((l) => foundIn(l, secrets()).length > 0);
      printFigures("secrets: log lines (debug level)", kind, lines.length, leaking.length);
      expect(leaking.map((l) => l.slice(0, 300))).toEqual([]);
    });
  },
  async (t) => {
    fixture = await seedSecurityFixture(t.db);
  },
);
