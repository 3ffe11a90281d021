import { expect, it } from "vitest";
import { seedDemo } from "../../demo-data/seed-demo";
import { describeEachDb } from "../../test/databases";
import { acmeAdmin, acmeViewer, callerAs, globexAdmin, staff } from "../../test/callers";
import type { ConnectionListRow } from "./list.types";

const NOW = Date.parse("2026-11-01T12:00:00Z");

describeEachDb(
  "connections.list and byId",
  (get) => {
    async function countByTenant() {
      const rows = await get()
        .db.selectFrom("connections")
        .select(["tenant_id"])
        .select((eb) => eb.fn.countAll().as("n"))
        .groupBy("tenant_id")
        .execute();
      return new Map(rows.map((r) => [r.tenant_id, Number(r.n)]));
    }

    async function readAll(
      caller: ReturnType<typeof callerAs>,
      input: Parameters<ReturnType<typeof callerAs>["connections"]["list"]>[0],
    ) {
      const all: ConnectionListRow[] = [];
      let cursor: string | null = null;
      for (let page = 0; page < 100; page++) {
        const res = await caller.connections.list({ ...input, limit: 100, cursor, direction: "forward" });
        all.push(...res.rows);
        if (!res.nextCursor) break;
        cursor = res.nextCursor;
      }
      return all;
    }

    it("support sees every tenant; each admin and viewer sees exactly their own tenant", async () => {
      const counts = await countByTenant();
      expect(counts.size).toBeGreaterThanOrEqual(3);
      const everyone = await readAll(callerAs(get().db, staff()), {});
      expect(everyone).toHaveLength([...counts.values()].reduce((a, b) => a + b, 0));
      expect(new Set(everyone.map((r) => r.tenant_id)).size).toBe(counts.size);
      for (const [user, tenant] of [
        [acmeAdmin(), "ten_acme"],
        [globexAdmin(), "ten_globex"],
        [acmeViewer(), "ten_acme"],
      ] as const) {
        const rows = await readAll(callerAs(get().db, user), {});
        expect(rows).toHaveLength(counts.get(tenant) ?? -1);
        expect(rows.every((r) => r.tenant_id === tenant)).toBe(true);
      }
    });

    it("keyset paging never skips or repeats a row, for every sort, forward and back", async () => {
      const caller = callerAs(get().db, staff());
      const total = [...(await countByTenant()).values()].reduce((a, b) => a + b, 0);
      for (const sort of ["updated_at", "name", "status", "provider", "last_sync_at", "auth_expires_at"] as const) {
        for (const dir of ["asc", "desc"] as const) {
          const rows = await readAll(caller, { sort, dir });
          expect(new Set(rows.map((r) => r.id)).size).toBe(total);
          const values = rows.map((r) => r[sort]);
          const firstNull = values.indexOf(null);
          if (firstNull >= 0) expect(values.slice(firstNull).every((v) => v === null)).toBe(true);
          const nonNull = values.filter((v): v is string => v !== null);
          const sorted = [...nonNull].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
          expect(nonNull).toEqual(dir === "asc" ? sorted : sorted.reverse());
        }
      }
      // Walk back from the second page: the previous page is exactly the first page.
      const first = await caller.connections.list({ sort: "status", dir: "asc", limit: 25 });
      const second = await caller.connections.list({ sort: "status", dir: "asc", limit: 25, cursor: first.nextCursor });
      const back = await caller.connections.list({
        sort: "status",
        dir: "asc",
        limit: 25,
        cursor: second.prevCursor,
        direction: "backward",
      });
      expect(back.rows.map((r) => r.id)).toEqual(first.rows.map((r) => r.id));
      expect(back.prevCursor).toBeNull();
      const last = await caller.connections.list({ sort: "last_sync_at", dir: "desc", limit: 25, direction: "last" });
      const all = await readAll(caller, { sort: "last_sync_at", dir: "desc" });
      expect(last.rows.map((r) => r.id)).toEqual(all.slice(-25).map((r) => r.id));
      expect(last.nextCursor).toBeNull();
    });

    it("filters by status on the server", async () => {
      const rows = await readAll(callerAs(get().db, staff()), { status: ["expired", "deauthorized"] });
      const expected = await get()
        .db.selectFrom("connections")
        .select((eb) => eb.fn.countAll().as("n"))
        .where("status", "in", ["expired", "deauthorized"])
        .executeTakeFirstOrThrow();
      expect(rows.length).toBe(Number(expected.n));
      expect(rows.every((r) => r.status === "expired" || r.status === "deauthorized")).toBe(true);
    });

    it("byId: NOT_FOUND for another tenant's connection and for unknown ids; no credentials in the answer", async () => {
      const globexRow = await get()
        .db.selectFrom("connections")
        .select(["id"])
        .where("tenant_id", "=", "ten_globex")
        .where("credentials_encrypted", "is not", null)
        .executeTakeFirstOrThrow();
      await expect(callerAs(get().db, acmeAdmin()).connections.byId({ id: globexRow.id })).rejects.toMatchObject({
        code: "NOT_FOUND",
      });
      await expect(callerAs(get().db, acmeViewer()).connections.byId({ id: globexRow.id })).rejects.toMatchObject({
        code: "NOT_FOUND",
      });
      await expect(callerAs(get().db, staff()).connections.byId({ id: "con_nope" })).rejects.toMatchObject({
        code: "NOT_FOUND",
      });
      const detail = await callerAs(get().db, globexAdmin()).connections.byId({ id: globexRow.id });
      expect(detail.tenant_id).toBe("ten_globex");
      expect(detail.has_credentials).toBe(true);
      const text = JSON.stringify(detail);
      expect(text).not.toContain("credentials_encrypted");
      expect(text).not.toMatch(/"v1\.[A-Za-z0-9_-]+\./);
      expect(text).not.toMatch(/access_token|refresh_token|at_[0-9a-f]{32}/);
    });

    it("signed-out calls are UNAUTHORIZED and bad input is BAD_REQUEST naming the field", async () => {
      await expect(callerAs(get().db, null).connections.list({})).rejects.toMatchObject({ code: "UNAUTHORIZED" });
      // @ts-expect-error an unknown sort column is refused, never interpolated
      await expect(callerAs(get().db, staff()).connections.list({ sort: "password_hash" })).rejects.toMatchObject({
        code: "BAD_REQUEST",
      });
      await expect(callerAs(get().db, staff()).connections.list({ cursor: "garbage" })).rejects.toMatchObject({
        code: "BAD_REQUEST",
        message: expect.stringContaining("cursor"),
      });
    });
  },
  async (t) => {
    await seedDemo(t.db, { connections: 300, seed: 7, now: NOW });
  },
);
