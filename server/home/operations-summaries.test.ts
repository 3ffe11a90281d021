// The trigger-maintained operations summaries equal a recount from the rows after every kind of
// change the console and ingest make: inserts, pauses, status and sync changes, errors created,
// resolved, reworded and deleted with their connection.
import { expect, it } from "vitest";
import type { DB } from "../../db";
import { seedDemo } from "../demo-data/seed-demo";
import { describeEachDb } from "../test/databases";
import { rebuildOperationsDerived } from "./operations-derived";

const NOW = Date.parse("2026-11-21T00:00:00Z");

async function snapshot(db: DB) {
  const [counts, days, errorDays, groupTenants, groupConnections, groupDays, groups, members] = await Promise.all([
    db
      .selectFrom("ops_connection_counts")
      .selectAll()
      .where("n", ">", 0)
      .orderBy("tenant_id")
      .orderBy("provider")
      .orderBy("status")
      .execute(),
    db
      .selectFrom("ops_day_counts")
      .selectAll()
      .where("n", ">", 0)
      .orderBy("tenant_id")
      .orderBy("kind")
      .orderBy("day")
      .execute(),
    db
      .selectFrom("ops_error_days")
      .selectAll()
      .where((eb) => eb.or([eb("created_n", ">", 0), eb("resolved_n", ">", 0)]))
      .orderBy("tenant_id")
      .orderBy("day")
      .execute(),
    db
      .selectFrom("ops_error_group_tenants")
      .select(["group_id", "tenant_id", "active_n", "connections_n"])
      .where((eb) => eb.or([eb("active_n", ">", 0), eb("connections_n", ">", 0)]))
      .orderBy("group_id")
      .orderBy("tenant_id")
      .execute(),
    db.selectFrom("ops_error_group_connections").selectAll().orderBy("group_id").orderBy("connection_id").execute(),
    db
      .selectFrom("ops_error_group_days")
      .selectAll()
      .where("n", ">", 0)
      .orderBy("group_id")
      .orderBy("tenant_id")
      .orderBy("day")
      .execute(),
    db
      .selectFrom("ops_error_groups")
      .selectAll()
      .where("id", "in", (eb) => eb.selectFrom("ops_error_group_connections").select("group_id"))
      .orderBy("id")
      .execute(),
    db.selectFrom("ops_error_members").selectAll().orderBy("error_id").execute(),
  ]);
  return { counts, days, errorDays, groupTenants, groupConnections, groupDays, groups, members };
}

describeEachDb("operations summaries", (get) => {
  it("stay equal to a recount from the rows through inserts, updates and deletes", async () => {
    const { db } = get();
    await seedDemo(db, { connections: 240, seed: 7, now: NOW });
    const some = await db.selectFrom("connections").select(["id", "tenant_id"]).orderBy("id").limit(40).execute();
    const ids = some.map((c) => c.id);
    await db.updateTable("connections").set({ user_paused: 1 }).where("id", "in", ids.slice(0, 10)).execute();
    await db
      .updateTable("connections")
      .set({ status: "expired", needs_relink: 1 })
      .where("id", "in", ids.slice(5, 15))
      .execute();
    await db
      .updateTable("connections")
      .set({ last_sync_at: "2026-11-20T10:00:00.000Z", auth_expires_at: null })
      .where("id", "in", ids.slice(10, 20))
      .execute();
    await db.updateTable("connections").set({ tenant_id: "ten_globex" }).where("id", "=", ids[21]!).execute();
    // Ten connections of one provider (a group is per provider), none moved above.
    const top = await db
      .selectFrom("connections")
      .select(["provider"])
      .where("id", "not in", ids.slice(0, 22))
      .groupBy("provider")
      .orderBy((eb) => eb.fn.countAll(), "desc")
      .executeTakeFirstOrThrow();
    const same = await db
      .selectFrom("connections")
      .select(["id", "tenant_id"])
      .where("provider", "=", top.provider)
      .where("id", "not in", ids.slice(0, 22))
      .orderBy("id")
      .limit(10)
      .execute();
    expect(same).toHaveLength(10);
    const errors = same.flatMap(({ id, tenant_id }, i) =>
      [0, 1].map((k) => ({
        id: `err_t_${i}_${k}`,
        connection_id: id,
        tenant_id,
        status_code: "404",
        status_text: "Not Found",
        message: `Invoice INV${1000 + i}X7 not found for ${i}${k}@example.com`,
        errored_at: `2026-11-1${k}T0${i % 9}:00:00.000Z`,
        status: "active" as const,
        upstream_status: null,
        is_auth_error: 0,
        resolved_at: null,
        resolved_by: null,
        resolution_note: null,
      })),
    );
    await db.insertInto("connection_errors").values(errors).execute();
    // The trigger grouped them: 10 connections, each with two errors of one shape.
    const grouped = await db
      .selectFrom("ops_error_members")
      .select(["group_id"])
      .where("error_id", "like", "err_t_%")
      .groupBy("group_id")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .execute();
    expect(grouped).toHaveLength(1);
    const gid = grouped[0]!.group_id;
    expect(gid).toMatch(/^eg_[0-9a-f]{16}$/);
    await db
      .updateTable("connection_errors")
      .set({ status: "resolved", resolved_at: "2026-11-20T12:00:00.000Z", resolved_by: "t" })
      .where("id", "in", ["err_t_0_0", "err_t_0_1", "err_t_1_0"])
      .execute();
    await db
      .updateTable("connection_errors")
      .set({ message: "Something else entirely" })
      .where("id", "=", "err_t_2_0")
      .execute();
    await db.updateTable("connection_errors").set({ status_code: "410" }).where("id", "=", "err_t_3_0").execute();
    const afterMoves = await db
      .selectFrom("ops_error_group_tenants")
      .select((eb) => [eb.fn.sum<number>("active_n").as("a"), eb.fn.sum<number>("connections_n").as("c")])
      .where("group_id", "=", gid)
      .executeTakeFirstOrThrow();
    // 20 made; 3 resolved, 2 regrouped: 15 active, on connections 1 (one left) and 2..9.
    expect(Number(afterMoves.a)).toBe(15);
    expect(Number(afterMoves.c)).toBe(9);
    const gone = [...ids.slice(25, 28), same[5]!.id];
    await db.deleteFrom("connections").where("id", "in", gone).execute();
    const afterDelete = await db
      .selectFrom("ops_error_group_tenants")
      .select((eb) => [eb.fn.sum<number>("active_n").as("a"), eb.fn.sum<number>("connections_n").as("c")])
      .where("group_id", "=", gid)
      .executeTakeFirstOrThrow();
    expect([Number(afterDelete.a), Number(afterDelete.c)]).toEqual([13, 8]);

    const byTriggers = await snapshot(db);
    expect(byTriggers.counts.length).toBeGreaterThan(10);
    expect(byTriggers.groupConnections.length).toBeGreaterThan(10);
    await rebuildOperationsDerived(db);
    expect(await snapshot(db)).toEqual(byTriggers);
  });
});
