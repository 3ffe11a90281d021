import { expect, it } from "vitest";
import { seedDemo } from "../../demo-data/seed-demo";
import { describeEachDb } from "../../test/databases";
import { acmeAdmin, callerAs, scopeAs, staff } from "../../test/callers";
import { encodeCursor } from "../../pagination/cursor";
import { listConnections } from "./list-connections";
import { failureStreaks } from "./row-triage";
import { ZListConnectionsRequestSchema, type ListConnectionsRequest, type TriagedConnectionRow } from "./list.types";

const NOW = Date.parse("2026-11-01T12:00:00Z");
const iso = (ms: number) => new Date(ms).toISOString();
const HOUR = 3_600_000;

describeEachDb(
  "list triage: open-errors sort, health score, relink state",
  (get) => {
    const list = (input: ListConnectionsRequest, user = staff()) =>
      listConnections(scopeAs(get().db, user), ZListConnectionsRequestSchema.parse(input), NOW);

    async function readAll(input: ListConnectionsRequest) {
      const all: TriagedConnectionRow[] = [];
      let cursor: string | null = null;
      for (let i = 0; i < 50; i++) {
        const res = await list({ ...input, limit: 100, cursor, direction: "forward" });
        all.push(...res.rows);
        if (!res.nextCursor) break;
        cursor = res.nextCursor;
      }
      return all;
    }

    it("sorts by open errors as numbers (10 before 9), every row once, forward and back", async () => {
      const { db } = get();
      const ids = (await db.selectFrom("connections").select("id").orderBy("id").limit(2).execute()).map((r) => r.id);
      await db
        .updateTable("connections")
        .set({ open_error_count: 10 })
        .where("id", "=", ids[0] ?? "")
        .execute();
      await db
        .updateTable("connections")
        .set({ open_error_count: 9 })
        .where("id", "=", ids[1] ?? "")
        .execute();
      const total = (await db.selectFrom("connections").select("id").execute()).length;

      const desc = await readAll({ sort: "open_error_count", dir: "desc" });
      expect(new Set(desc.map((r) => r.id)).size).toBe(total);
      expect(desc.slice(0, 2).map((r) => [r.id, r.open_error_count])).toEqual([
        [ids[0], 10],
        [ids[1], 9],
      ]);
      const counts = desc.map((r) => r.open_error_count);
      expect(counts).toEqual([...counts].sort((a, b) => b - a));
      const asc = await readAll({ sort: "open_error_count", dir: "asc" });
      expect(asc.map((r) => r.id)).toEqual(desc.map((r) => r.id).reverse());

      // Back from page two is page one, through a cursor that holds a number.
      const one = await list({ sort: "open_error_count", dir: "desc", limit: 25 });
      const two = await list({ sort: "open_error_count", dir: "desc", limit: 25, cursor: one.nextCursor });
      const back = await list({
        sort: "open_error_count",
        dir: "desc",
        limit: 25,
        cursor: two.prevCursor,
        direction: "backward",
      });
      expect(back.rows.map((r) => r.id)).toEqual(one.rows.map((r) => r.id));
    });

    it("refuses a cursor whose value is not a number for the open-errors sort", async () => {
      await expect(
        callerAs(get().db, staff()).connections.list({
          sort: "open_error_count",
          cursor: encodeCursor({ v: "abc", id: "con_x" }),
        }),
      ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("cursor") });
    });

    it("scores each row's health, with the failure streak read from its runs", async () => {
      const { db } = get();
      const row = await db
        .selectFrom("connections")
        .select(["id", "tenant_id"])
        .where("needs_relink", "=", 0)
        .where("user_paused", "=", 0)
        .where("platform_paused", "=", 0)
        .orderBy("id")
        .executeTakeFirstOrThrow();
      await db.deleteFrom("connection_runs").where("connection_id", "=", row.id).execute();
      const run = (i: number, status: string) => ({
        id: `run_triage_${i}`,
        connection_id: row.id,
        tenant_id: row.tenant_id,
        job_id: `job_${i}`,
        status,
        started_at: iso(NOW - (10 - i) * HOUR),
      });
      await db
        .insertInto("connection_runs")
        .values([run(1, "error"), run(2, "complete"), run(3, "error"), run(4, "error")])
        .execute();
      await db
        .updateTable("connections")
        .set({
          last_run_status: "error",
          open_error_count: 1,
          last_sync_at: iso(NOW - HOUR),
          auth_expires_at: iso(NOW + 90 * 24 * HOUR),
        })
        .where("id", "=", row.id)
        .execute();

      const res = await list({ q: row.id });
      const found = res.rows.find((r) => r.id === row.id);
      expect(found?.health.factors.find((f) => f.key === "streak")).toMatchObject({
        penalty: 20,
        detail: "Last 2 runs failed in a row",
      });
      // 100 − 20 (two failed runs) − 15 (one open error)
      expect(found?.health).toMatchObject({ score: 65, grade: "degraded" });
      const relinkRows = (await list({ needsRelink: true })).rows;
      expect(relinkRows.length).toBeGreaterThan(0);
      for (const r of relinkRows) expect(r.health.factors.find((f) => f.key === "auth")?.penalty).toBe(35);
    });

    it("shows the newest relink link's state with its time, only to those who may see the connection", async () => {
      const { db } = get();
      const [a, b, c] = await db
        .selectFrom("connections")
        .select(["id", "tenant_id"])
        .where("tenant_id", "=", "ten_acme")
        .orderBy("id")
        .limit(3)
        .execute();
      if (!a || !b || !c) throw new Error("seed has too few Acme connections");
      await db.deleteFrom("relink_links").where("connection_id", "in", [a.id, b.id, c.id]).execute();
      const link = (id: string, on: { id: string; tenant_id: string }, created: number, extra: object) => ({
        id,
        token_hash: `hash_${id}`,
        connection_id: on.id,
        tenant_id: on.tenant_id,
        created_by: "support@demo.test",
        created_at: iso(created),
        expires_at: iso(created + 168 * HOUR),
        sent_to: null,
        opened_at: null,
        used_at: null,
        revoked_at: null,
        revoked_by: null,
        batch_id: null,
        ...extra,
      });
      await db
        .insertInto("relink_links")
        .values([
          link("lnk_t1", a, NOW - 48 * HOUR, { used_at: iso(NOW - 40 * HOUR) }),
          link("lnk_t2", a, NOW - 5 * HOUR, { opened_at: iso(NOW - 2 * HOUR) }),
          link("lnk_t3", b, NOW - 200 * HOUR, {}),
          link("lnk_t4", c, NOW - 3 * HOUR, {}),
        ])
        .execute();

      const rows = (await list({ q: "", limit: 100, sort: "name" }, acmeAdmin())).rows;
      const byId = new Map((await readAll({ tenant: ["ten_acme"] })).map((r) => [r.id, r.relink]));
      expect(byId.get(a.id)).toEqual({
        state: "opened",
        at: iso(NOW - 2 * HOUR),
        expires_at: iso(NOW - 5 * HOUR + 168 * HOUR),
      });
      expect(byId.get(b.id)).toMatchObject({ state: "expired", at: iso(NOW - 200 * HOUR + 168 * HOUR) });
      expect(byId.get(c.id)).toMatchObject({ state: "open", at: iso(NOW - 3 * HOUR) });
      expect(rows.every((r) => r.tenant_id === "ten_acme")).toBe(true);
      // Another tenant's admin sees neither the rows nor their links.
      const globex = await list({ q: a.id }, { ...acmeAdmin(), tenantId: "ten_globex", tenantName: "Globex" });
      expect(globex.rows).toEqual([]);
    });

    it("reads a page's failure streaks in one statement: the newest 6 runs each, unstarted runs last", async () => {
      const { db } = get();
      const rows = await db.selectFrom("connections").select(["id", "tenant_id"]).orderBy("id").limit(4).execute();
      const [a, b, c, ok] = rows as [(typeof rows)[0], (typeof rows)[0], (typeof rows)[0], (typeof rows)[0]];
      await db
        .deleteFrom("connection_runs")
        .where(
          "connection_id",
          "in",
          rows.map((r) => r.id),
        )
        .execute();
      let n = 0;
      const runs = (on: typeof a, statuses: (string | [string, null])[]) =>
        statuses.map((s, i) => ({
          id: `run_streak_${n++}`,
          connection_id: on.id,
          tenant_id: on.tenant_id,
          job_id: `job_streak_${n}`,
          status: typeof s === "string" ? s : s[0],
          // newest first: the first status started last; [status, null] never started
          started_at: typeof s === "string" ? iso(NOW - (i + 1) * HOUR) : null,
        }));
      await db
        .insertInto("connection_runs")
        .values([
          // 2 failures, then a success; the unstarted run comes after every started one
          ...runs(a, [["queued", null], "error", "error", "complete", "error"]),
          // 8 failures: only the newest 6 are read
          ...runs(b, ["error", "error", "error", "error", "error", "error", "error", "error"]),
          // a running run is neither: 3 failures behind it
          ...runs(c, ["running", "error", "error", "error", "complete"]),
          ...runs(ok, ["error", "error"]),
        ])
        .execute();
      // Statements executed that read connection_runs (a plugin sees each query once it ran).
      const runQueries = new Set<unknown>();
      let runReads = 0;
      const counted = db.withPlugin({
        transformQuery: (q) => {
          if (JSON.stringify(q.node).includes('"connection_runs"')) runQueries.add(q.queryId);
          return q.node;
        },
        transformResult: (r) => {
          if (runQueries.has(r.queryId)) runReads++;
          return Promise.resolve(r.result);
        },
      });
      const facts = (on: typeof a, last: string) => ({
        id: on.id,
        status: "active" as const,
        needs_relink: false,
        user_paused: false,
        platform_paused: false,
        open_error_count: 0,
        last_sync_at: null,
        auth_expires_at: null,
        last_run_status: last,
      });
      const streaks = await failureStreaks(scopeAs(counted, staff()), [
        facts(a, "error"),
        facts(b, "failed"),
        facts(c, "error"),
        facts(ok, "complete"),
      ]);
      expect(Object.fromEntries(streaks)).toEqual({ [a.id]: 2, [b.id]: 6, [c.id]: 3 });
      expect(runReads).toBe(1);
    });
  },
  async (t) => {
    await seedDemo(t.db, { connections: 250, seed: 11, now: NOW });
  },
);
