import { expect, it } from "vitest";
import { seedDemo } from "../../demo-data/seed-demo";
import { describeEachDb } from "../../test/databases";
import { acmeAdmin, callerAs, staff } from "../../test/callers";
import type { ListConnectionsRequest } from "./list.types";

const NOW = Date.parse("2026-11-01T12:00:00Z");

describeEachDb(
  "list search finds connections by their active errors' code and message",
  (get) => {
    async function readAll(user: ReturnType<typeof staff>, input: ListConnectionsRequest) {
      const ids: string[] = [];
      let cursor: string | null = null;
      for (let i = 0; i < 100; i++) {
        const res = await callerAs(get().db, user).connections.list({
          ...input,
          limit: 100,
          cursor,
          direction: "forward",
        });
        ids.push(...res.rows.map((r) => r.id));
        if (!res.nextCursor) break;
        cursor = res.nextCursor;
      }
      return ids.sort();
    }
    /** Connections with an active error matching, plus those whose own text matches (none for these terms). */
    async function failingWith(where: { message?: string; code?: string }, tenant?: string) {
      let q = get()
        .db.selectFrom("connection_errors")
        .select("connection_id")
        .distinct()
        .where("status", "=", "active");
      if (where.message) q = q.where("message", "like", `%${where.message}%`);
      if (where.code) q = q.where("status_code", "=", where.code);
      if (tenant) q = q.where("tenant_id", "=", tenant);
      return (await q.execute()).map((r) => r.connection_id).sort();
    }

    it("`invalid_grant` finds every connection with an active invalid_grant error, and only those", async () => {
      const expected = await failingWith({ message: "invalid_grant" });
      expect(expected.length).toBeGreaterThan(0);
      expect(await readAll(staff(), { q: "invalid_grant" })).toEqual(expected);
      // The same rows through bulk actions' plan-free condition: "pause all matching" means what the list shows.
      const facets = await callerAs(get().db, staff()).connections.facets({ q: "invalid_grant" });
      expect(facets.total).toBe(expected.length);
    });

    it("a status code finds its failing connections; a tenant admin only their own", async () => {
      const all = await failingWith({ code: "429" });
      const found = await readAll(staff(), { q: "429" });
      for (const id of all) expect(found).toContain(id);
      const acme = await failingWith({ code: "429" }, "ten_acme");
      const acmeFound = await readAll(acmeAdmin(), { q: "429" });
      for (const id of acme) expect(acmeFound).toContain(id);
      const tenants = await get()
        .db.selectFrom("connections")
        .select("tenant_id")
        .distinct()
        .where("id", "in", acmeFound)
        .execute();
      expect(tenants.map((t) => t.tenant_id)).toEqual(["ten_acme"]);
    });

    it("a resolved error no longer finds its connection", async () => {
      const [one] = await failingWith({ message: "invalid_client" });
      expect(one).toBeDefined();
      const before = await readAll(staff(), { q: "invalid_client" });
      expect(before).toContain(one);
      const open = await get()
        .db.selectFrom("connection_errors")
        .select("id")
        .where("connection_id", "=", one ?? "")
        .where("status", "=", "active")
        .execute();
      await callerAs(get().db, staff()).actions.resolveErrors({
        errorIds: open.map((e) => e.id),
        note: "fixed upstream",
      });
      const stillFailing = await failingWith({ message: "invalid_client" });
      expect(await readAll(staff(), { q: "invalid_client" })).toEqual(stillFailing);
      expect(stillFailing).not.toContain(one);
    });
  },
  async (t) => {
    await seedDemo(t.db, { connections: 300, seed: 5, now: NOW });
  },
);
