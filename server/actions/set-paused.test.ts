import { expect, it } from "vitest";
import { seedDemo } from "../demo-data/seed-demo";
import { ConflictError } from "../errors";
import { acmeAdmin, acmeViewer, callerAs, globexAdmin, staff } from "../test/callers";
import { describeEachDb } from "../test/databases";

const NOW = Date.parse("2026-11-01T12:00:00Z");

describeEachDb(
  "actions.pauseConnection / resumeConnection",
  (get) => {
    const used = new Set<string>();
    /** A fresh running (not paused) connection of a tenant, never handed out twice. */
    async function running(tenantId: string) {
      const rows = await get()
        .db.selectFrom("connections")
        .select(["id", "version"])
        .where("tenant_id", "=", tenantId)
        .where("user_paused", "=", 0)
        .orderBy("id")
        .execute();
      const row = rows.find((r) => !used.has(r.id));
      if (!row) throw new Error("no running connection left");
      used.add(row.id);
      return { id: row.id, version: Number(row.version) };
    }
    const readRow = (id: string) =>
      get()
        .db.selectFrom("connections")
        .select(["user_paused", "paused_by", "pause_reason", "paused_at", "version", "updated_by"])
        .where("id", "=", id)
        .executeTakeFirstOrThrow();
    const auditFor = (id: string) =>
      get().db.selectFrom("audit_events").selectAll().where("connection_id", "=", id).orderBy("at").execute();

    it("pause writes the row and one audit event with before/after; resume clears it", async () => {
      const c = await running("ten_acme");
      const caller = callerAs(get().db, acmeAdmin());
      const res = await caller.actions.pauseConnection({
        id: c.id,
        expectedVersion: c.version,
        reason: "  Month-end freeze  ",
      });
      expect(res.changed).toBe(true);
      expect(res.connection).toMatchObject({
        id: c.id,
        user_paused: true,
        pause_reason: "Month-end freeze",
        paused_by: "tenant_admin@test",
        version: c.version + 1,
      });
      const row = await readRow(c.id);
      expect(row).toMatchObject({
        user_paused: 1,
        paused_by: "tenant_admin@test",
        pause_reason: "Month-end freeze",
        updated_by: "tenant_admin@test",
      });
      expect(Number(row.version)).toBe(c.version + 1);
      const [event, ...rest] = await auditFor(c.id);
      expect(rest).toHaveLength(0);
      expect(event).toMatchObject({
        action: "connection.pause",
        tenant_id: "ten_acme",
        actor_id: acmeAdmin().id,
        note: "Month-end freeze",
      });
      expect(JSON.parse(event?.before ?? "null")).toMatchObject({
        user_paused: false,
        pause_reason: null,
        version: c.version,
      });
      expect(JSON.parse(event?.after ?? "null")).toMatchObject({
        user_paused: true,
        pause_reason: "Month-end freeze",
        version: c.version + 1,
      });

      const resumed = await caller.actions.resumeConnection({
        id: c.id,
        expectedVersion: c.version + 1,
        reason: "Freeze over",
      });
      expect(resumed.changed).toBe(true);
      expect(await readRow(c.id)).toMatchObject({
        user_paused: 0,
        paused_by: null,
        pause_reason: null,
        paused_at: null,
      });
      const events = await auditFor(c.id);
      expect(events.map((e) => e.action)).toEqual(["connection.pause", "connection.resume"]);
      expect(events[1]?.note).toBe("Freeze over");
    });

    it("is idempotent: pausing a paused connection changes nothing and writes no audit", async () => {
      const c = await running("ten_acme");
      const caller = callerAs(get().db, staff());
      await caller.actions.pauseConnection({ id: c.id, expectedVersion: c.version, reason: "first" });
      const before = await readRow(c.id);
      // Even with the stale version: the asked-for state already holds.
      const again = await caller.actions.pauseConnection({ id: c.id, expectedVersion: c.version, reason: "second" });
      expect(again.changed).toBe(false);
      expect(again.connection.pause_reason).toBe("first");
      expect(await readRow(c.id)).toEqual(before);
      expect(await auditFor(c.id)).toHaveLength(1);
      const other = await running("ten_acme");
      const noop = await caller.actions.resumeConnection({ id: other.id, expectedVersion: other.version });
      expect(noop.changed).toBe(false);
      expect(await auditFor(other.id)).toHaveLength(0);
    });

    it("a stale version gets CONFLICT carrying the current state, and changes nothing", async () => {
      const c = await running("ten_acme");
      await callerAs(get().db, staff()).actions.pauseConnection({
        id: c.id,
        expectedVersion: c.version,
        reason: "support paused it",
      });
      const before = await readRow(c.id);
      const error = await callerAs(get().db, acmeAdmin())
        .actions.resumeConnection({ id: c.id, expectedVersion: c.version })
        .then(
          () => null,
          (e: unknown) => e,
        );
      expect(error).toMatchObject({ code: "CONFLICT", message: expect.stringContaining("Someone else changed") });
      const cause = (error as { cause?: unknown }).cause;
      expect(cause).toBeInstanceOf(ConflictError);
      expect((cause as ConflictError).current).toMatchObject({
        id: c.id,
        user_paused: true,
        pause_reason: "support paused it",
        version: c.version + 1,
      });
      expect(await readRow(c.id)).toEqual(before);
      expect(await auditFor(c.id)).toHaveLength(1);
    });

    it("concurrent pauses naming the same version: exactly one change and one audit event", async () => {
      const c = await running("ten_globex");
      const caller = callerAs(get().db, globexAdmin());
      const results = await Promise.allSettled(
        Array.from({ length: 8 }, (_, i) =>
          caller.actions.pauseConnection({ id: c.id, expectedVersion: c.version, reason: `attempt ${i}` }),
        ),
      );
      const changed = results.filter((r) => r.status === "fulfilled" && r.value.changed);
      expect(changed).toHaveLength(1);
      // The others either saw it already paused (no-op) or lost the race (CONFLICT); nothing else.
      for (const r of results) if (r.status === "rejected") expect(r.reason).toMatchObject({ code: "CONFLICT" });
      expect(await auditFor(c.id)).toHaveLength(1);
      expect(Number((await readRow(c.id)).version)).toBe(c.version + 1);
    });

    it("viewers get FORBIDDEN, other tenants NOT_FOUND, a blank reason BAD_REQUEST; nothing changes", async () => {
      const acme = await running("ten_acme");
      const globex = await running("ten_globex");
      await expect(
        callerAs(get().db, acmeViewer()).actions.pauseConnection({
          id: acme.id,
          expectedVersion: acme.version,
          reason: "x",
        }),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(
        callerAs(get().db, acmeViewer()).actions.resumeConnection({ id: acme.id, expectedVersion: acme.version }),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(
        callerAs(get().db, acmeAdmin()).actions.pauseConnection({
          id: globex.id,
          expectedVersion: globex.version,
          reason: "x",
        }),
      ).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(
        callerAs(get().db, acmeAdmin()).actions.pauseConnection({
          id: acme.id,
          expectedVersion: acme.version,
          reason: "   ",
        }),
      ).rejects.toMatchObject({ code: "BAD_REQUEST" });
      await expect(
        callerAs(get().db, null).actions.pauseConnection({ id: acme.id, expectedVersion: acme.version, reason: "x" }),
      ).rejects.toMatchObject({ code: "UNAUTHORIZED" });
      for (const c of [acme, globex]) {
        expect((await readRow(c.id)).user_paused).toBe(0);
        expect(await auditFor(c.id)).toHaveLength(0);
      }
      // Staff reach every tenant.
      const ok = await callerAs(get().db, staff()).actions.pauseConnection({
        id: globex.id,
        expectedVersion: globex.version,
        reason: "staff",
      });
      expect(ok.changed).toBe(true);
    });
  },
  async (t) => {
    await seedDemo(t.db, { connections: 120, seed: 11, now: NOW });
  },
);
