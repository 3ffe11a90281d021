import { expect, it } from "vitest";
import { seedDemo } from "../demo-data/seed-demo";
import { writeAudit } from "./write-audit";
import { acmeAdmin, acmeViewer, callerAs, globexAdmin, staff, scopeAs, ingestScope } from "../test/callers";
import { describeEachDb } from "../test/databases";
import { auditCsvLines, csvField } from "./audit-csv";
import type { AuditEvent } from "./list.types";

const NOW = Date.parse("2026-11-01T12:00:00Z");
const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();

describeEachDb(
  "audit.list, facets and CSV",
  (get) => {
    async function readAll(user: ReturnType<typeof staff>, filters: Record<string, string> = {}) {
      const caller = callerAs(get().db, user);
      const all: AuditEvent[] = [];
      let cursor: string | null = null;
      for (let i = 0; i < 50; i++) {
        const page = await caller.audit.list({ ...filters, cursor, limit: 25 });
        all.push(...page.rows);
        if (!page.nextCursor) break;
        cursor = page.nextCursor;
      }
      return all;
    }

    it("tenant users see only their tenant's events; staff see all; paging neither skips nor repeats", async () => {
      const total = Number(
        (
          await get()
            .db.selectFrom("audit_events")
            .select((eb) => eb.fn.countAll().as("n"))
            .executeTakeFirstOrThrow()
        ).n,
      );
      const everyone = await readAll(staff());
      expect(everyone).toHaveLength(total);
      expect(new Set(everyone.map((e) => e.id)).size).toBe(total);
      const ats = everyone.map((e) => e.at);
      expect(ats).toEqual([...ats].sort().reverse());
      for (const [user, tenant] of [
        [acmeAdmin(), "ten_acme"],
        [acmeViewer(), "ten_acme"],
        [globexAdmin(), "ten_globex"],
      ] as const) {
        const rows = await readAll(user);
        expect(rows.length).toBe(everyone.filter((e) => e.tenant_id === tenant).length);
        expect(rows.length).toBeGreaterThan(0);
        expect(rows.every((r) => r.tenant_id === tenant)).toBe(true);
      }
      // Asking for another tenant is ignored for tenant users: still only their own.
      const sneaky = await readAll(acmeAdmin(), { tenantId: "ten_globex" });
      expect(sneaky.every((r) => r.tenant_id === "ten_acme")).toBe(true);
      const globexOnly = await readAll(staff(), { tenantId: "ten_globex" });
      expect(globexOnly.length).toBeGreaterThan(0);
      expect(globexOnly.every((r) => r.tenant_id === "ten_globex")).toBe(true);
    });

    it("filters by actor, action, connection and time range", async () => {
      const everyone = await readAll(staff());
      const byAction = await readAll(staff(), { action: "connection.pause" });
      expect(byAction.length).toBe(everyone.filter((e) => e.action === "connection.pause").length);
      expect(byAction.length).toBeGreaterThan(0);
      const byActor = await readAll(staff(), { actor: "GLOBEX-ops" });
      expect(byActor.length).toBeGreaterThan(0);
      expect(byActor.every((e) => e.actor_label.toLowerCase().includes("globex-ops"))).toBe(true);
      // % is literal, not a wildcard.
      expect(await readAll(staff(), { actor: "%" })).toHaveLength(0);
      const one = everyone.find((e) => e.connection_id);
      const byConnection = await readAll(staff(), { connectionId: one?.connection_id ?? "" });
      expect(byConnection.every((e) => e.connection_id === one?.connection_id)).toBe(true);
      const old = await readAll(staff(), { to: iso(NOW - 5 * DAY).slice(0, 10) });
      expect(old.map((e) => e.note).sort()).toEqual(["old event", "old globex event"]);
      const recent = await readAll(staff(), { from: iso(NOW - 5 * DAY + 1) });
      expect(recent.length).toBe(everyone.length - 2);
      await expect(callerAs(get().db, staff()).audit.list({ from: "yesterday-ish" })).rejects.toMatchObject({
        code: "BAD_REQUEST",
      });
      await expect(callerAs(get().db, null).audit.list({})).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    });

    it("facets list the actions the user can see; tenants for staff only", async () => {
      const s = await callerAs(get().db, staff()).audit.facets();
      expect(s.actions).toEqual(expect.arrayContaining(["connection.pause", "test.only-globex"]));
      expect(s.tenants.length).toBeGreaterThanOrEqual(3);
      const a = await callerAs(get().db, acmeAdmin()).audit.facets();
      expect(a.actions).not.toContain("test.only-globex");
      expect(a.tenants).toEqual([]);
    });

    it("CSV export is scoped like the page and defuses formulas", async () => {
      const lines: string[] = [];
      for await (const line of auditCsvLines(scopeAs(get().db, acmeAdmin()), {})) lines.push(line);
      expect(lines[0]).toMatch(/^at,actor_id,actor,action,/);
      const acmeCount = (await readAll(acmeAdmin())).length;
      expect(lines).toHaveLength(acmeCount + 1);
      expect(lines.join("")).not.toContain("ten_globex");
      expect(lines.join("")).toContain(`"'=HYPERLINK(""http://evil"")"`);
      expect(csvField('say "hi"\nthere')).toBe('"say ""hi""\nthere"');
    });
  },
  async (t) => {
    await seedDemo(t.db, { connections: 60, seed: 9, now: NOW });
    // Real actions write most events; a few hand-made ones pin down actor and time filters.
    const acme = await t.db
      .selectFrom("connections")
      .select(["id", "version"])
      .where("tenant_id", "=", "ten_acme")
      .where("user_paused", "=", 0)
      .limit(2)
      .execute();
    const globex = await t.db
      .selectFrom("connections")
      .select(["id", "version"])
      .where("tenant_id", "=", "ten_globex")
      .where("user_paused", "=", 0)
      .limit(1)
      .execute();
    for (const c of acme)
      await callerAs(t.db, acmeAdmin()).actions.pauseConnection({
        id: c.id,
        expectedVersion: Number(c.version),
        reason: '=HYPERLINK("http://evil")',
      });
    for (const c of globex)
      await callerAs(t.db, globexAdmin()).actions.pauseConnection({
        id: c.id,
        expectedVersion: Number(c.version),
        reason: "globex",
      });
    await writeAudit(ingestScope(t.db), {
      actor: { id: "usr_ops", label: "globex-ops@example.test (support)" },
      action: "test.only-globex",
      tenantId: "ten_globex",
      note: "by ops",
    });
    await writeAudit(ingestScope(t.db), {
      actor: { id: "usr_old", label: "old@example.test" },
      action: "test.old",
      tenantId: "ten_acme",
      note: "old event",
      at: iso(NOW - 6 * DAY),
    });
    await writeAudit(ingestScope(t.db), {
      actor: { id: "usr_old", label: "old@example.test" },
      action: "test.old",
      tenantId: "ten_globex",
      note: "old globex event",
      at: iso(NOW - 5 * DAY),
    });
  },
);
