import { expect, it } from "vitest";
import { seedDemo } from "../demo-data/seed-demo";
import { acmeAdmin, acmeViewer, callerAs, staff } from "../test/callers";
import { describeEachDb } from "../test/databases";

const NOW = Date.parse("2026-11-01T12:00:00Z");

describeEachDb(
  "actions.resolveErrors",
  (get) => {
    const used = new Set<string>();
    /** A connection of the tenant with at least `n` open errors, never handed out twice. */
    async function withOpenErrors(tenantId: string, n: number) {
      const rows = await get()
        .db.selectFrom("connections")
        .select(["id", "version", "open_error_count", "needs_relink"])
        .where("tenant_id", "=", tenantId)
        .where("open_error_count", ">=", n)
        .orderBy("id")
        .execute();
      const row = rows.find((r) => !used.has(r.id));
      if (!row) throw new Error(`no ${tenantId} connection with ${n} open errors`);
      used.add(row.id);
      const errors = await get()
        .db.selectFrom("connection_errors")
        .select(["id", "is_auth_error"])
        .where("connection_id", "=", row.id)
        .where("status", "=", "active")
        .orderBy("id")
        .execute();
      return { ...row, version: Number(row.version), errors };
    }
    const errorRows = (ids: string[]) =>
      get().db.selectFrom("connection_errors").selectAll().where("id", "in", ids).orderBy("id").execute();

    it("resolves errors with who, when and the note, recomputes health, bumps the version and audits", async () => {
      const c = await withOpenErrors("ten_acme", 2);
      const ids = c.errors.slice(0, 2).map((e) => e.id);
      const res = await callerAs(get().db, acmeAdmin()).actions.resolveErrors({
        errorIds: ids,
        note: "Customer rotated the key",
      });
      expect(res.resolved).toBe(2);
      expect(res.skipped).toBe(0);
      for (const e of await errorRows(ids)) {
        expect(e).toMatchObject({
          status: "resolved",
          resolved_by: "tenant_admin@test",
          resolution_note: "Customer rotated the key",
        });
        expect(e.resolved_at).toMatch(/^\d{4}-\d{2}-\d{2}T/);
      }
      const stillOpen = c.errors.length - 2;
      const conn = await get()
        .db.selectFrom("connections")
        .select(["open_error_count", "version"])
        .where("id", "=", c.id)
        .executeTakeFirstOrThrow();
      expect(Number(conn.open_error_count)).toBe(stillOpen);
      expect(Number(conn.version)).toBe(c.version + 1);
      expect(res.connections).toEqual([
        expect.objectContaining({ id: c.id, openErrors: stillOpen, version: c.version + 1 }),
      ]);
      const audit = await get().db.selectFrom("audit_events").selectAll().where("connection_id", "=", c.id).execute();
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({
        action: "errors.resolve",
        tenant_id: "ten_acme",
        note: "Customer rotated the key",
      });
      expect(JSON.parse(audit[0]?.before ?? "null")).toMatchObject({
        open_error_count: c.errors.length,
        error_ids: ids,
      });
      expect(JSON.parse(audit[0]?.after ?? "null")).toMatchObject({
        open_error_count: stillOpen,
        resolved_by: "tenant_admin@test",
      });

      // Resolving the same errors again is a skip, not a second change.
      const again = await callerAs(get().db, staff()).actions.resolveErrors({ errorIds: ids, note: "again" });
      expect(again).toMatchObject({ resolved: 0, skipped: 2, connections: [] });
      expect((await errorRows(ids))[0]?.resolution_note).toBe("Customer rotated the key");
    });

    it("resolving the last open auth error clears needs_relink when the status allows it", async () => {
      const row = await get()
        .db.selectFrom("connections")
        .select(["id"])
        .where("status", "=", "error")
        .where("needs_relink", "=", 1)
        .where("tenant_id", "=", "ten_acme")
        .executeTakeFirst();
      if (!row) throw new Error("seed has no Acme connection in error needing relink");
      const open = await get()
        .db.selectFrom("connection_errors")
        .select(["id"])
        .where("connection_id", "=", row.id)
        .where("status", "=", "active")
        .execute();
      await callerAs(get().db, staff()).actions.resolveErrors({
        errorIds: open.map((e) => e.id),
        note: "re-authorised out of band",
      });
      const after = await get()
        .db.selectFrom("connections")
        .select(["needs_relink", "open_error_count"])
        .where("id", "=", row.id)
        .executeTakeFirstOrThrow();
      expect(after).toEqual({ needs_relink: 0, open_error_count: 0 });
    });

    it("another tenant's error is NOT_FOUND and nothing in the call changes; viewers FORBIDDEN; a note is required", async () => {
      const acme = await withOpenErrors("ten_acme", 1);
      const globex = await withOpenErrors("ten_globex", 1);
      const ids = [acme.errors[0]?.id ?? "", globex.errors[0]?.id ?? ""];
      await expect(
        callerAs(get().db, acmeAdmin()).actions.resolveErrors({ errorIds: ids, note: "x" }),
      ).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(
        callerAs(get().db, acmeViewer()).actions.resolveErrors({ errorIds: [ids[0] ?? ""], note: "x" }),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(
        callerAs(get().db, acmeAdmin()).actions.resolveErrors({ errorIds: [ids[0] ?? ""], note: " " }),
      ).rejects.toMatchObject({ code: "BAD_REQUEST" });
      expect((await errorRows(ids)).map((e) => e.status)).toEqual(["active", "active"]);
      const audit = await get()
        .db.selectFrom("audit_events")
        .select(["id"])
        .where("connection_id", "in", [acme.id, globex.id])
        .execute();
      expect(audit).toHaveLength(0);
    });
  },
  async (t) => {
    await seedDemo(t.db, { connections: 200, seed: 3, now: NOW });
  },
);
