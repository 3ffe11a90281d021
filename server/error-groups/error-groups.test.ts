// Error groups across connections and tenants, opening a group as the list's filter, and the
// one-step actions (resolve all, relink all, pause all) confined to the caller's tenant.
import { expect, it } from "vitest";
import { errorGroupId } from "../../db/sql-functions";
import { seedBase } from "../demo-data/seed-demo";
import { acmeAdmin, acmeViewer, callerAs, staff } from "../test/callers";
import { describeEachDb } from "../test/databases";
import { insertRichConnection } from "../test/detail-fixture";

const NOW = Date.now();
const ACME = ["con_eg_a1", "con_eg_a2", "con_eg_a3"];
const GLOBEX = ["con_eg_g1", "con_eg_g2"];
// insertRichConnection: errors 0, 3 and 6 stay active — one 401 and two 429 "Rate limit exceeded (n)".
const RATE = errorGroupId("xero", "429", "Rate limit exceeded (3)");
const AUTH = errorGroupId("xero", "401", "invalid_grant: refresh token has been revoked or has expired");

describeEachDb(
  "error groups",
  (get) => {
    it("groups messages that differ only in numbers, per provider and status code, across tenants", async () => {
      const { db } = get();
      const all = await callerAs(db, staff()).errorGroups.list({});
      const rate = all.rows.find((r) => r.id === RATE);
      expect(rate).toMatchObject({ provider: "xero", statusCode: "429", shape: "Rate limit exceeded (<n>)" });
      expect([rate?.errors, rate?.connections, rate?.tenants]).toEqual([10, 5, 2]);
      expect(rate?.trend).toHaveLength(14);
      expect(rate?.trend.reduce((a, b) => a + b, 0)).toBe(5 * 6); // every 429 made in the last days, resolved or not
      const acme = await callerAs(db, acmeAdmin()).errorGroups.list({});
      const acmeRate = acme.rows.find((r) => r.id === RATE);
      expect([acmeRate?.errors, acmeRate?.connections, acmeRate?.tenants]).toEqual([6, 3, 1]);
      const filtered = await callerAs(db, staff()).errorGroups.list({ statusCode: ["401"] });
      expect(filtered.rows.map((r) => r.id)).toEqual([AUTH]);
    });

    it("opens a group as the connections list filtered to it, and shows the tenant's own samples", async () => {
      const { db } = get();
      const list = await callerAs(db, acmeAdmin()).connections.list({ errorGroup: RATE });
      expect(list.rows.map((r) => r.id).sort()).toEqual(ACME);
      const detail = await callerAs(db, acmeAdmin()).errorGroups.get({ id: RATE });
      expect(detail.needsRelink).toBe(3);
      expect(detail.samples.every((s) => ACME.includes(s.connectionId))).toBe(true);
      await expect(callerAs(db, acmeAdmin()).errorGroups.get({ id: "eg_0000000000000000" })).rejects.toThrow(
        /not found/,
      );
    });

    it("resolves all of a group's errors in steps, the caller's tenant only, with audit events", async () => {
      const { db } = get();
      await expect(callerAs(db, acmeViewer()).errorGroups.resolveStep({ id: RATE, note: "viewer" })).rejects.toThrow(
        /Read-only/,
      );
      const admin = callerAs(db, acmeAdmin());
      const first = await admin.errorGroups.resolveStep({ id: RATE, note: "Upstream limit raised", batchSize: 4 });
      expect(first).toMatchObject({ changed: 4, processed: 4, remaining: 2, done: false });
      const second = await admin.errorGroups.resolveStep({ id: RATE, note: "Upstream limit raised", batchSize: 4 });
      expect(second).toMatchObject({ changed: 2, remaining: 0, done: true });
      const left = await db
        .selectFrom("connection_errors")
        .select(["connection_id", "tenant_id"])
        .where("status", "=", "active")
        .where("status_code", "=", "429")
        .execute();
      expect(left.map((e) => e.connection_id).sort()).toEqual([...GLOBEX, ...GLOBEX].sort());
      const audits = await db
        .selectFrom("audit_events")
        .select(["connection_id", "tenant_id"])
        .where("action", "=", "errors.resolve")
        .where("note", "=", "Upstream limit raised")
        .execute();
      expect(new Set(audits.map((a) => a.connection_id))).toEqual(new Set(ACME));
      expect(audits.every((a) => a.tenant_id === "ten_acme")).toBe(true);
      const acme = await admin.errorGroups.list({});
      expect(acme.rows.find((r) => r.id === RATE)).toBeUndefined();
      // Its page still opens, with nothing active left for Acme.
      expect((await admin.errorGroups.get({ id: RATE })).group).toMatchObject({
        errors: 0,
        connections: 0,
        tenants: 0,
      });
      expect(await admin.connections.list({ errorGroup: RATE })).toMatchObject({ rows: [] });
    });

    it("creates relink links for the group's connections that need one, the caller's tenant only", async () => {
      const { db } = get();
      const admin = callerAs(db, acmeAdmin());
      const step = await admin.errorGroups.relinkStep({ id: AUTH, batchSize: 2 });
      expect(step).toMatchObject({ changed: 2, processed: 2, done: false, last: ACME[1] });
      const rest = await admin.errorGroups.relinkStep({ id: AUTH, batchSize: 2, after: step.last });
      expect(rest).toMatchObject({ changed: 1, done: true });
      const links = await db
        .selectFrom("relink_links")
        .select(["connection_id"])
        .where("revoked_at", "is", null)
        .execute();
      expect(links.map((l) => l.connection_id).sort()).toEqual(ACME);
    });

    it("pauses all of a group's connections through the table's bulk pause with the group filter", async () => {
      const { db } = get();
      const admin = callerAs(db, acmeAdmin());
      let cursor: string | null = null;
      let jobId: string | null = null;
      for (;;) {
        const r = await admin.actions.bulkSetPaused({
          action: "pause",
          reason: "Auth incident",
          target: { kind: "filter", filters: { errorGroup: AUTH } },
          cursor,
          jobId,
        });
        cursor = r.nextCursor;
        jobId = r.jobId;
        if (r.done) break;
      }
      const paused = await db.selectFrom("connections").select("id").where("user_paused", "=", 1).execute();
      expect(paused.map((p) => p.id).sort()).toEqual(ACME);
    });
  },
  async ({ db }) => {
    await seedBase(db, NOW);
    for (const id of ACME)
      await insertRichConnection(db, { id, tenantId: "ten_acme", runs: 1, errors: 7, audits: 0, now: NOW });
    for (const id of GLOBEX)
      await insertRichConnection(db, { id, tenantId: "ten_globex", runs: 1, errors: 7, audits: 0, now: NOW });
  },
);
