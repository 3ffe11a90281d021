// Every home card counts exactly the rows the list shows for the filter its link sets, as
// support (all tenants) and as a tenant admin (own tenant only), and the error chart and groups
// agree with the errors themselves.
import { expect, it } from "vitest";
import type { DB } from "../../db";
import type { SessionUser } from "../auth/session-user";
import { applyConnectionFilters, type ConnectionFilters } from "../connections/list/filters";
import { seedDemo } from "../demo-data/seed-demo";
import { acmeAdmin, callerAs, scopeAs, staff } from "../test/callers";
import { describeEachDb } from "../test/databases";
import { homeSummary } from "./home-summary";

const NOW = Date.parse("2026-11-21T09:30:00Z");

async function listCount(db: DB, user: SessionUser, filters: ConnectionFilters): Promise<number> {
  const scope = scopeAs(db, user);
  const row = await applyConnectionFilters(scope.connections(), filters, scope, NOW)
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describeEachDb(
  "home summary",
  (get) => {
    for (const [who, user] of [
      ["support", staff()],
      ["tenant admin", acmeAdmin()],
    ] as const) {
      it(`counts on each card equal the list's count for the card's filter (${who})`, async () => {
        const { db } = get();
        const home = await homeSummary(scopeAs(db, user), { staleDays: 5 }, NOW);
        const cards: [number, ConnectionFilters][] = [
          [home.total, {}],
          [home.needsRelink, { needsRelink: true }],
          [home.userPaused, { userPaused: true }],
          [home.platformPaused, { platformPaused: true }],
          [home.withErrors, { hasActiveErrors: true }],
          [home.expiringSoon, { authExpiresWithinDays: 7 }],
          [home.stale, { lastSyncOlderThanDays: 5 }],
          ...home.byStatus.map((s): [number, ConnectionFilters] => [s.n, { status: [s.status] }]),
        ];
        for (const [n, filters] of cards) expect([filters, n]).toEqual([filters, await listCount(db, user, filters)]);
        expect(home.expiringSoon).toBeGreaterThan(0);
        expect(home.stale).toBeGreaterThan(0);
        for (const g of home.topGroups) expect(await listCount(db, user, { errorGroup: g.id })).toBe(g.connections);
      });
    }

    it("shows a tenant admin only their tenant", async () => {
      const { db } = get();
      const all = await homeSummary(scopeAs(db, staff()), { staleDays: 7 }, NOW);
      const acme = await homeSummary(scopeAs(db, acmeAdmin()), { staleDays: 7 }, NOW);
      const acmeRows = await db
        .selectFrom("connections")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("tenant_id", "=", "ten_acme")
        .executeTakeFirstOrThrow();
      expect(acme.total).toBe(Number(acmeRows.n));
      expect(acme.total).toBeLessThan(all.total);
      const acmeErrors = await db
        .selectFrom("connection_errors")
        .select(["connection_id"])
        .where("tenant_id", "=", "ten_acme")
        .where("status", "=", "active")
        .execute();
      const inGroups = acme.topGroups.reduce((a, g) => a + g.errors, 0);
      expect(inGroups).toBeLessThanOrEqual(acmeErrors.length);
      for (const g of acme.topGroups) expect(g.tenants).toBe(1);
      for (const a of acme.recentActivity) expect(a.connectionId === null || a.connectionName !== null).toBe(true);
    });

    it("charts errors created and resolved per day as the rows say", async () => {
      const { db } = get();
      const home = await homeSummary(scopeAs(db, staff()), { staleDays: 7 }, NOW);
      expect(home.errorDays).toHaveLength(30);
      expect(home.errorDays.at(-1)?.day).toBe("2026-11-21");
      const day = home.errorDays.find((d) => d.created > 0)!;
      const created = await db
        .selectFrom("connection_errors")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("errored_at", ">=", `${day.day}T00:00:00.000Z`)
        .where("errored_at", "<=", `${day.day}T23:59:59.999Z`)
        .executeTakeFirstOrThrow();
      expect(day.created).toBe(Number(created.n));
    });

    it("is a tenantProcedure with schemas: a viewer may read it, nobody signed out", async () => {
      const { db } = get();
      const viewer = await callerAs(db, { ...acmeAdmin(), role: "viewer" }).home.summary({ staleDays: 3 });
      expect(viewer.staleDays).toBe(3);
      await expect(callerAs(db, null).home.summary({})).rejects.toThrow(/Sign in/);
    });
  },
  async ({ db }) => {
    await seedDemo(db, { connections: 400, seed: 11, now: NOW });
  },
);
