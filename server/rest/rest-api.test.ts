// REST API v1, operation by operation, as a platform uses it. Every answer passes through the
// contract check (test/contract.ts): its status, content type and body are the document's.
import { afterAll, expect, it } from "vitest";
import type { ConnectionListRow } from "../connections/list/list.types";
import type { LedgerRow } from "../relink/relink.types";
import type { RunRequestView } from "../run-requests/run-requests.types";
import { ingestText } from "../ingest/test-support";
import { describeEachDb } from "../test/databases";
import { contractLog, restCall } from "./test/rest-client";
import { ACME, ACME_CREDENTIALS, ACME_FLOW, GLOBEX, seedRestFixture, type RestKeys } from "./test/rest-fixture";

interface Page<T> {
  data: T[];
  next_cursor: string | null;
}

afterAll(() => {
  // Every answer any test here received was checked; none may have broken the contract.
  expect(contractLog.filter((c) => c.problems.length > 0)).toEqual([]);
  expect(contractLog.length).toBeGreaterThan(20);
});

describeEachDb(
  "REST API v1",
  (get) => {
    let keys: RestKeys;
    const db = () => get().db;
    it("seeds keys", async () => {
      keys = await seedRestFixture(db());
    });

    it("GET /openapi.json: OpenAPI 3.1 with every operation, no key needed", async () => {
      const doc = await restCall<{ openapi: string; paths: Record<string, object> }>(db(), "GET", "/openapi.json");
      expect(doc.status).toBe(200);
      expect(doc.body.openapi).toBe("3.1.0");
      expect(Object.keys(doc.body.paths)).toEqual(
        expect.arrayContaining([
          "/connections",
          "/connections/{id}",
          "/connections/{id}/pause",
          "/connections/{id}/resume",
          "/connections/{id}/relink-links",
          "/relink-links/{id}/revoke",
          "/connections/{id}/credentials",
          "/connections/{id}/runs",
          "/run-requests",
        ]),
      );
    });

    it("the Next route answers with the same handler, on the configured origin", async () => {
      globalThis.consoleDb = db();
      const route = await import("@/app/api/v1/[...path]/route");
      const doc = await route.GET(new Request("http://localhost:3000/api/v1/openapi.json"));
      expect(doc.status).toBe(200);
      expect(((await doc.json()) as { servers: { url: string }[] }).servers[0]?.url).toBe(
        "http://localhost:3000/api/v1",
      );
      const list = await route.GET(
        new Request("http://localhost:3000/api/v1/connections?limit=25", {
          headers: { authorization: `Bearer ${keys.acme}` },
        }),
      );
      expect(list.status).toBe(200);
      expect(list.headers.get("cache-control")).toBe("no-store");
      expect(list.headers.get("x-request-id")).toMatch(/^[A-Za-z0-9_-]{16}$/);
      const unauthorised = await route.POST(
        new Request(`http://localhost:3000/api/v1/connections/${ACME}/pause`, { method: "POST" }),
      );
      expect(unauthorised.status).toBe(401);
    });

    it("GET /connections: the list's filters, search, sort and cursor pages; a tenant key sees its tenant", async () => {
      const all: ConnectionListRow[] = [];
      let cursor: string | null = null;
      do {
        const query: string = `/connections?sort=name&order=asc&limit=25${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`;
        const page = await restCall<Page<ConnectionListRow>>(db(), "GET", query, { key: keys.platform });
        expect(page.status).toBe(200);
        all.push(...page.body.data);
        cursor = page.body.next_cursor;
      } while (cursor !== null);
      expect(all).toHaveLength(63);
      const names = all.map((r) => r.name);
      expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));

      const acme = await restCall<Page<ConnectionListRow>>(db(), "GET", "/connections?limit=100", { key: keys.acme });
      expect(acme.body.data.length).toBe(22);
      expect(new Set(acme.body.data.map((r) => r.tenant_id))).toEqual(new Set(["ten_acme"]));

      const filtered = await restCall<Page<ConnectionListRow>>(
        db(),
        "GET",
        "/connections?status=error,expired&platform=codat&needs_relink=false&limit=100",
        { key: keys.platform },
      );
      expect(filtered.body.data.length).toBeGreaterThan(0);
      for (const row of filtered.body.data) {
        expect(["error", "expired"]).toContain(row.status);
        expect(row.platform).toBe("codat");
        expect(row.needs_relink).toBe(false);
      }
      const repeated = await restCall<Page<ConnectionListRow>>(
        db(),
        "GET",
        "/connections?status=error&status=expired&platform=codat&needs_relink=false&limit=100",
        { key: keys.platform },
      );
      expect(repeated.body.data.map((r) => r.id)).toEqual(filtered.body.data.map((r) => r.id));

      const search = await restCall<Page<ConnectionListRow>>(db(), "GET", "/connections?q=zebra", {
        key: keys.platform,
      });
      expect(search.body.data.map((r) => r.name)).toEqual(["Zebra Payroll"]);
    });

    it("GET /connections/{id}: by console id or platform:platform_id; never credentials", async () => {
      const byId = await restCall<{ id: string; has_credentials: boolean }>(db(), "GET", `/connections/${ACME}`, {
        key: keys.acmeReader,
      });
      expect(byId.status).toBe(200);
      expect(byId.body).toMatchObject({ id: ACME, has_credentials: true });
      expect(JSON.stringify(byId.body)).not.toContain(ACME_CREDENTIALS.access_token);
      const byRef = await restCall<{ id: string }>(db(), "GET", `/connections/codat:plat-${ACME}`, { key: keys.acme });
      expect(byRef.body.id).toBe(ACME);
      const encoded = await restCall<{ id: string }>(db(), "GET", `/connections/codat%3Aplat-${ACME}`, {
        key: keys.acme,
      });
      expect(encoded.body.id).toBe(ACME);
    });

    it("POST pause / resume: no version needed, the key is the actor, idempotent, audited", async () => {
      const paused = await restCall<{ changed: boolean; connection: { user_paused: boolean; paused_by: string } }>(
        db(),
        "POST",
        `/connections/${ACME}/pause`,
        { key: keys.acme, body: { reason: "Customer asked us to stop" } },
      );
      expect(paused.status).toBe(200);
      expect(paused.body).toMatchObject({
        changed: true,
        connection: { user_paused: true, paused_by: "API key acme" },
      });
      const again = await restCall<{ changed: boolean }>(db(), "POST", `/connections/${ACME}/pause`, {
        key: keys.acme,
        body: { reason: "again" },
      });
      expect(again.body.changed).toBe(false);
      const resumed = await restCall<{ changed: boolean; connection: { user_paused: boolean } }>(
        db(),
        "POST",
        `/connections/codat:plat-${ACME}/resume`,
        { key: keys.acme },
      );
      expect(resumed.body).toMatchObject({ changed: true, connection: { user_paused: false } });
      const audit = await db()
        .selectFrom("audit_events")
        .select(["action", "actor_label", "note"])
        .where("connection_id", "=", ACME)
        .where("action", "in", ["connection.pause", "connection.resume"])
        .orderBy("at")
        .execute();
      expect(audit).toEqual([
        { action: "connection.pause", actor_label: "API key acme", note: "Customer asked us to stop" },
        { action: "connection.resume", actor_label: "API key acme", note: null },
      ]);
    });

    it("relink links: create (URL once, on the configured origin), list, revoke", async () => {
      const created = await restCall<{ id: string; url: string; expires_at: string; sent_to: string | null }>(
        db(),
        "POST",
        `/connections/${ACME}/relink-links`,
        { key: keys.acme, body: { expires_in_hours: 2, email: "cfo@customer.test" } },
      );
      expect(created.status).toBe(201);
      expect(created.body.url).toMatch(/^http:\/\/console\.test\/link\/[A-Za-z0-9_-]{22,}$/);
      expect(created.body.sent_to).toBe("cfo@customer.test");
      expect(Math.abs(Date.parse(created.body.expires_at) - Date.now() - 2 * 3_600_000)).toBeLessThan(60_000);

      const listed = await restCall<Page<LedgerRow>>(db(), "GET", `/connections/${ACME}/relink-links`, {
        key: keys.acmeReader,
      });
      expect(listed.body.data[0]).toMatchObject({ id: created.body.id, state: "open", created_by: expect.any(String) });
      expect(JSON.stringify(listed.body)).not.toContain(created.body.url);

      const revoked = await restCall<{ revoked: boolean }>(db(), "POST", `/relink-links/${created.body.id}/revoke`, {
        key: keys.acme,
      });
      expect(revoked.body).toEqual({ id: created.body.id, revoked: true });
      const twice = await restCall<{ revoked: boolean }>(db(), "POST", `/relink-links/${created.body.id}/revoke`, {
        key: keys.acme,
      });
      expect(twice.body.revoked).toBe(false);
      const open = await restCall<Page<LedgerRow>>(db(), "GET", `/connections/${ACME}/relink-links?state=open`, {
        key: keys.acme,
      });
      expect(open.body.data).toEqual([]);
    });

    it("relink links with send: true are e-mailed (here: the local mailbox) and the ledger says so", async () => {
      const answer = await restCall<{ id: string; url: string; email?: { sent: boolean; error: string | null } }>(
        db(),
        "POST",
        `/connections/${ACME}/relink-links`,
        { key: keys.acme, body: { email: "cfo@customer.test", send: true } },
      );
      expect(answer.status).toBe(201);
      expect(answer.body.email).toEqual({ sent: true, error: null });
      const mail = await db()
        .selectFrom("mailbox_messages")
        .select(["to_address", "text_body"])
        .orderBy("created_at", "desc")
        .executeTakeFirstOrThrow();
      expect(mail.to_address).toBe("cfo@customer.test");
      // The mail carries the link's own token on the configured origin.
      const token = answer.body.url.split("/link/")[1] ?? "";
      expect(mail.text_body).toContain(`/link/${token}`);
      const ledger = await restCall<Page<LedgerRow>>(db(), "GET", `/connections/${ACME}/relink-links?limit=1`, {
        key: keys.acme,
      });
      expect(ledger.body.data[0]).toMatchObject({ id: answer.body.id, sent_to: "cfo@customer.test" });
      expect(ledger.body.data[0]?.sent_at).toEqual(expect.any(String));

      const noAddress = await restCall<{ detail: string }>(db(), "POST", `/connections/${ACME}/relink-links`, {
        key: keys.acme,
        body: { send: true },
      });
      expect(noAddress.status).toBe(400);
      expect(noAddress.body.detail).toMatch(/needed to send the link by e-mail/);
    });

    it("GET credentials: decrypted for credentials:read, audited on every read; refused without the scope", async () => {
      const read = await restCall<{ credentials: unknown; fingerprint: string }>(
        db(),
        "GET",
        `/connections/${ACME}/credentials`,
        {
          key: keys.acme,
        },
      );
      expect(read.status).toBe(200);
      expect(read.body.credentials).toEqual(ACME_CREDENTIALS);
      expect(read.body.fingerprint).toMatch(/^sha256:/);
      await restCall(db(), "GET", `/connections/${ACME}/credentials`, { key: keys.acme });
      const audits = await db()
        .selectFrom("audit_events")
        .select(["actor_label", "after"])
        .where("connection_id", "=", ACME)
        .where("action", "=", "connection.credentials_read")
        .execute();
      expect(audits).toHaveLength(2);
      expect(audits[0]?.actor_label).toBe("API key acme");
      expect(JSON.stringify(audits)).not.toContain(ACME_CREDENTIALS.access_token);

      const refused = await restCall<{ detail: string }>(db(), "GET", `/connections/${ACME}/credentials`, {
        key: keys.acmeReader,
      });
      expect(refused.status).toBe(403);
      expect(refused.body.detail).toMatch(/lacks the scope credentials:read/);
    });

    it("POST runs: a pending request with the last run's parameters and overrides, fulfilled when the run is ingested", async () => {
      const requested = await restCall<RunRequestView>(db(), "POST", `/connections/${ACME_FLOW}/runs`, {
        key: keys.acme,
        body: { destination_parameters: { mode: "append", table: null, apiKey: "k-123" }, note: "after relink" },
      });
      expect(requested.status).toBe(201);
      expect(requested.body).toMatchObject({
        connection_id: ACME_FLOW,
        status: "pending",
        job_id: expect.stringMatching(/^job_/),
        // the last run's source parameters as they were; destination overlaid (table removed, mode replaced)
        source_parameters: { sheet: "FY25 Q1", range: { from: "A1", to: "K201" } },
        destination_parameters: { mode: "append", apiKey: "•••• (redacted)" },
        requested_by: "API key acme",
        note: "after relink",
      });
      const stored = await db()
        .selectFrom("run_requests")
        .select("destination_parameters")
        .where("id", "=", requested.body.id)
        .executeTakeFirstOrThrow();
      expect(JSON.parse(stored.destination_parameters ?? "{}")).toEqual({ mode: "append", apiKey: "k-123" });

      const duplicate = await restCall(db(), "POST", `/connections/${ACME_FLOW}/runs`, {
        key: keys.acme,
        body: { job_id: requested.body.job_id },
      });
      expect(duplicate.status).toBe(409);

      const pending = await restCall<Page<RunRequestView>>(
        db(),
        "GET",
        `/run-requests?status=pending&connection=${ACME_FLOW}`,
        {
          key: keys.acmeReader,
        },
      );
      expect(pending.body.data.map((r) => r.id)).toEqual([requested.body.id]);

      // The platform runs it and reports the run through ingest (Workiva's ConnectionRunDto).
      const run = {
        connectionId: `plat-${ACME_FLOW}`,
        jobId: requested.body.job_id,
        sourceStatus: "complete",
        destinationStatus: "complete",
        created: new Date(Date.now() - 60_000).toISOString(),
        updated: new Date().toISOString(),
      };
      const report = await ingestText(db(), "dto", JSON.stringify([run]), { kind: "runs" });
      expect(report.counts).toMatchObject({ accepted: 1 });
      const after = await restCall<Page<RunRequestView>>(
        db(),
        "GET",
        `/run-requests?connection=workiva:plat-${ACME_FLOW}`,
        {
          key: keys.acme,
        },
      );
      expect(after.body.data[0]).toMatchObject({
        id: requested.body.id,
        status: "fulfilled",
        fulfilled_run_id: expect.stringMatching(/^run_/),
      });
      const none = await restCall<Page<RunRequestView>>(db(), "GET", "/run-requests?status=pending", {
        key: keys.acme,
      });
      expect(none.body.data).toEqual([]);
    });

    it("GET /error-groups: active errors grouped; a tenant key counts its tenant's only; bad sort 400, no scope 403", async () => {
      type Groups = { total: number; data: { id: string; errors: number; tenants: number; provider: string }[] };
      const activeErrors = async (tenantId: string | null) => {
        let query = db()
          .selectFrom("connection_errors")
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .where("status", "=", "active");
        if (tenantId) query = query.where("tenant_id", "=", tenantId);
        return Number((await query.executeTakeFirstOrThrow()).n);
      };
      const sum = (g: Groups) => g.data.reduce((n, x) => n + x.errors, 0);
      const acme = await restCall<Groups>(db(), "GET", "/error-groups?limit=500", { key: keys.acme });
      expect(acme.status).toBe(200);
      expect(acme.body.data.length).toBeGreaterThan(0);
      expect(acme.body.total).toBe(acme.body.data.length);
      expect(sum(acme.body)).toBe(await activeErrors("ten_acme"));
      expect(acme.body.data.every((g) => g.tenants === 1)).toBe(true);
      const everyone = await restCall<Groups>(db(), "GET", "/error-groups?limit=500", { key: keys.platform });
      expect(sum(everyone.body)).toBe(await activeErrors(null));
      expect(sum(everyone.body)).toBeGreaterThan(sum(acme.body));
      const provider = acme.body.data[0]!.provider;
      const one = await restCall<Groups>(db(), "GET", `/error-groups?provider=${provider}&limit=1`, { key: keys.acme });
      expect(one.body.data).toHaveLength(1);
      expect(one.body.data[0]?.provider).toBe(provider);
      const badSort = await restCall<{ detail: string }>(db(), "GET", "/error-groups?sort=loudest", { key: keys.acme });
      expect(badSort.status).toBe(400);
      expect(badSort.body.detail).toMatch(/sort/);
      expect((await restCall(db(), "GET", "/error-groups", { key: keys.ingestOnly })).status).toBe(403);
    });

    it("a tenant-bound key gets 404 for another tenant's connection and link, on every operation", async () => {
      const link = await restCall<{ id: string }>(db(), "POST", `/connections/${GLOBEX}/relink-links`, {
        key: keys.platform,
        body: {},
      });
      expect(link.status).toBe(201);
      const foreign: [string, string, unknown][] = [
        ["GET", `/connections/${GLOBEX}`, undefined],
        ["GET", `/connections/codat:plat-${GLOBEX}`, undefined],
        ["POST", `/connections/${GLOBEX}/pause`, { reason: "x" }],
        ["POST", `/connections/${GLOBEX}/resume`, {}],
        ["POST", `/connections/${GLOBEX}/relink-links`, {}],
        ["GET", `/connections/${GLOBEX}/relink-links`, undefined],
        ["POST", `/relink-links/${link.body.id}/revoke`, {}],
        ["GET", `/connections/${GLOBEX}/credentials`, undefined],
        ["POST", `/connections/${GLOBEX}/runs`, {}],
        ["GET", `/run-requests?connection=${GLOBEX}`, undefined],
      ];
      const before = await db().selectFrom("connections").select(["id", "version"]).where("id", "=", GLOBEX).execute();
      for (const [method, path, body] of foreign) {
        const answer = await restCall<{ status: number }>(db(), method, path, { key: keys.acme, body });
        expect({ method, path, status: answer.status }).toEqual({ method, path, status: 404 });
      }
      expect(await db().selectFrom("connections").select(["id", "version"]).where("id", "=", GLOBEX).execute()).toEqual(
        before,
      );
      const globexLinks = await db()
        .selectFrom("relink_links")
        .select(["id", "revoked_at"])
        .where("connection_id", "=", GLOBEX)
        .execute();
      expect(globexLinks).toEqual([{ id: link.body.id, revoked_at: null }]);
      const reads = await db()
        .selectFrom("audit_events")
        .select("id")
        .where("connection_id", "=", GLOBEX)
        .where("action", "=", "connection.credentials_read")
        .execute();
      expect(reads).toEqual([]);
    });
  },
  // seeded in the first test, so the keys are in the suite's scope
);
