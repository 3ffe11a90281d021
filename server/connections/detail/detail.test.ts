import { expect, it } from "vitest";
import { seedDemo } from "../../demo-data/seed-demo";
import { describeEachDb } from "../../test/databases";
import { acmeAdmin, acmeViewer, callerAs, globexAdmin, staff } from "../../test/callers";
import { insertRichConnection } from "../../test/detail-fixture";
import { REDACTED } from "../../secrets/redact-secrets";

const NOW = Date.parse("2026-11-01T12:00:00Z");
const ACME = "con_detail_acme";
const GLOBEX = "con_detail_globex";
const SECRET = `at_${ACME}_secret`;

describeEachDb(
  "connection detail sections",
  (get) => {
    const as = (user = acmeAdmin()) => callerAs(get().db, user);

    it("connection: every seed-model field, tenant and provider names, and no credential material", async () => {
      const c = await as().connections.byId({ id: ACME });
      expect(c).toMatchObject({
        tenant_name: "Acme Corporation",
        platform: "codat",
        status: "error",
        needs_relink: true,
        user_paused: false,
        platform_paused: true,
        source_workspace_id: "ws_src",
        destination_type: "spreadsheet",
        external_xref: "cust-42",
        auth_aws_arn: expect.stringContaining("arn:aws"),
        permissions: ["accounting_invoice_read", "accounting_invoice_write", "crm_contact_read"],
        unmapped: { LegacyField: "kept" },
        link_url: expect.stringContaining("codat.io"),
        last_run_status: "error",
        has_credentials: true,
        open_error_count: 4,
      });
      expect(c.credentials_fingerprint).toMatch(/^\S{4,}$/);
      expect(c).not.toHaveProperty("credentials_encrypted");
      const row = await get()
        .db.selectFrom("connections")
        .select("credentials_encrypted")
        .where("id", "=", ACME)
        .executeTakeFirstOrThrow();
      const text = JSON.stringify(c);
      expect(text).not.toContain(row.credentials_encrypted ?? "(missing)");
      expect(text).not.toContain(SECRET);
    });

    it("runs: newest first, paged without gaps or repeats, with durations and parameters", async () => {
      const first = await as().detail.runs({ connectionId: ACME, limit: 10 });
      expect(first.total).toBe(23);
      expect(first.rows[0]).toMatchObject({
        job_id: `job-${ACME}-22`,
        status: "error",
        succeeded: false,
        duration_ms: 90_000,
      });
      expect(first.rows[0]?.source_parameters).toEqual({ sheet: "FY25 Q1", range: { from: "A1", to: "K222" } });
      const seen = [...first.rows];
      let offset = first.nextOffset;
      while (offset !== null) {
        const page = await as().detail.runs({ connectionId: ACME, limit: 10, offset });
        seen.push(...page.rows);
        offset = page.nextOffset;
      }
      expect(seen.map((r) => r.job_id)).toEqual(Array.from({ length: 23 }, (_, i) => `job-${ACME}-${22 - i}`));
    });

    it("errors: active and resolved apart, newest first, with counts for the tab", async () => {
      const active = await as().detail.errors({ connectionId: ACME, status: "active", limit: 50 });
      expect(active).toMatchObject({ activeCount: 4, resolvedCount: 8, total: 4, nextOffset: null });
      expect(active.rows.every((e) => e.status === "active" && e.resolved_at === null)).toBe(true);
      expect(active.rows[0]).toMatchObject({ status_code: "401", status_text: "Unauthorized", is_auth_error: true });
      const all = await as().detail.errors({ connectionId: ACME, limit: 5 });
      expect(all.total).toBe(12);
      expect(all.nextOffset).toBe(5);
      const times = all.rows.map((e) => e.errored_at);
      expect(times).toEqual([...times].sort().reverse());
      const resolved = await as().detail.errors({ connectionId: ACME, status: "resolved", limit: 50 });
      expect(
        resolved.rows.every((e) => e.status === "resolved" && e.resolved_at !== null && e.resolved_by === "dev.patel"),
      ).toBe(true);
    });

    it("activity: the audit timeline newest first, with secrets a writer logged redacted", async () => {
      const page = await as().detail.activity({ connectionId: ACME, limit: 2 });
      expect(page.total).toBe(3);
      expect(page.rows.map((e) => e.id)).toEqual([`aud_${ACME}_0002`, `aud_${ACME}_0001`]);
      expect(page.rows[0]?.before).toMatchObject({ access_token: REDACTED });
      expect(JSON.stringify(page)).not.toContain(SECRET);
      const empty = await as(globexAdmin()).detail.activity({ connectionId: GLOBEX });
      expect(empty).toMatchObject({ rows: [], total: 0, nextOffset: null });
    });

    it("runDiff: by default the last run against the last successful one; any two runs on request", async () => {
      const d = await as().detail.runDiff({ connectionId: ACME });
      expect(d.target?.job_id).toBe(`job-${ACME}-22`);
      expect(d.base?.job_id).toBe(`job-${ACME}-21`);
      expect(d.source).toEqual([{ path: "range.to", kind: "changed", before: "K221", after: "K222" }]);
      expect(d.destination).toEqual([{ path: "mode", kind: "changed", before: "append", after: "replace" }]);
      const chosen = await as().detail.runDiff({
        connectionId: ACME,
        baseRunId: `run_${ACME}_0000`,
        targetRunId: `run_${ACME}_0003`,
      });
      expect(chosen.source).toEqual([{ path: "range.to", kind: "changed", before: "K200", after: "K203" }]);
      expect(chosen.destination).toEqual([]);
      // A run of another connection is not a run of this one.
      await expect(as().detail.runDiff({ connectionId: ACME, baseRunId: `run_${GLOBEX}_0000` })).rejects.toMatchObject({
        code: "NOT_FOUND",
      });
      const none = await as(globexAdmin()).detail.runDiff({ connectionId: GLOBEX });
      expect(none).toEqual({ base: null, target: null, source: [], destination: [] });
    });

    it("another tenant's or an unknown connection is NOT_FOUND in every section; viewers and staff can read", async () => {
      for (const [user, id] of [
        [acmeAdmin(), GLOBEX],
        [acmeViewer(), GLOBEX],
        [globexAdmin(), ACME],
        [staff(), "con_nope"],
      ] as const) {
        const c = as(user);
        await expect(c.connections.byId({ id })).rejects.toMatchObject({ code: "NOT_FOUND" });
        await expect(c.detail.runs({ connectionId: id })).rejects.toMatchObject({ code: "NOT_FOUND" });
        await expect(c.detail.errors({ connectionId: id })).rejects.toMatchObject({ code: "NOT_FOUND" });
        await expect(c.detail.activity({ connectionId: id })).rejects.toMatchObject({ code: "NOT_FOUND" });
        await expect(c.detail.runDiff({ connectionId: id })).rejects.toMatchObject({ code: "NOT_FOUND" });
      }
      expect((await as(acmeViewer()).detail.runs({ connectionId: ACME })).total).toBe(23);
      expect((await as(staff()).detail.errors({ connectionId: GLOBEX })).total).toBe(0);
      await expect(callerAs(get().db, null).detail.runs({ connectionId: ACME })).rejects.toMatchObject({
        code: "UNAUTHORIZED",
      });
      await expect(as().detail.runs({ connectionId: ACME, limit: 1000 })).rejects.toMatchObject({
        code: "BAD_REQUEST",
      });
    });

    it("no section's response carries credential material, for any seeded connection", async () => {
      const rows = await get()
        .db.selectFrom("connections")
        .select(["id", "credentials_encrypted"])
        .where("credentials_encrypted", "is not", null)
        .execute();
      const c = as(staff());
      for (const row of rows) {
        const responses = await Promise.all([
          c.connections.byId({ id: row.id }),
          c.detail.runs({ connectionId: row.id, limit: 100 }),
          c.detail.errors({ connectionId: row.id, limit: 100 }),
          c.detail.activity({ connectionId: row.id, limit: 100 }),
          c.detail.runDiff({ connectionId: row.id }),
        ]);
        const text = JSON.stringify(responses);
        expect(text).not.toContain(row.credentials_encrypted ?? "(missing)");
        expect(text).not.toMatch(
          /access_token"\s*:\s*"(?!•••• \(redacted\))|refresh_token"\s*:\s*"(?!•••• \(redacted\))|[ar]t_[0-9a-f]{32}|_secret"/,
        );
      }
    });
  },
  async (t) => {
    await seedDemo(t.db, { connections: 60, seed: 11, now: NOW });
    await insertRichConnection(t.db, { id: ACME, tenantId: "ten_acme", runs: 23, errors: 12, audits: 3, now: NOW });
    await insertRichConnection(t.db, { id: GLOBEX, tenantId: "ten_globex", runs: 0, errors: 0, audits: 0, now: NOW });
  },
);
