import { sql } from "kysely";
import { expect, it } from "vitest";
import { dbKind } from "../../db";
import { describeEachDb } from "../test/databases";
import { staff, callerAs } from "../test/callers";
import { bulkSeedDemo } from "./bulk-seed";
import { seedDemo } from "./seed-demo";

describeEachDb("bulk demo seeding", (get) => {
  it("restores every index and trigger, and leaves search and facet counts as the trigger path would", async () => {
    const { db } = get();
    // Indexes, triggers and the trigger function as the migrations made them: db/list-derived.ts
    // must recreate exactly these (it is a living copy of what a frozen migration created).
    const schemaShape = async () =>
      dbKind(db) === "postgres"
        ? [
            ...(
              await sql<{
                n: string;
                def: string;
              }>`SELECT indexname AS n, indexdef AS def FROM pg_indexes WHERE schemaname = current_schema() AND tablename = 'connections'`.execute(
                db,
              )
            ).rows,
            ...(
              await sql<{
                n: string;
                def: string;
              }>`SELECT t.tgname AS n, pg_get_triggerdef(t.oid) AS def FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace s ON s.oid = c.relnamespace WHERE s.nspname = current_schema() AND c.relname = 'connections' AND NOT t.tgisinternal`.execute(
                db,
              )
            ).rows,
            ...(
              await sql<{
                n: string;
                def: string;
              }>`SELECT p.proname AS n, p.prosrc AS def FROM pg_proc p JOIN pg_namespace s ON s.oid = p.pronamespace WHERE s.nspname = current_schema()`.execute(
                db,
              )
            ).rows,
          ].sort((x, y) => x.n.localeCompare(y.n))
        : (
            await sql<{
              n: string;
              def: string | null;
            }>`SELECT type || ' ' || name AS n, sql AS def FROM sqlite_master WHERE type IN ('index', 'trigger') AND tbl_name = 'connections' ORDER BY 1`.execute(
              db,
            )
          ).rows;
    const before = await schemaShape();
    expect(before.filter((o) => o.n.includes("index") || o.n.endsWith("_idx")).length).toBeGreaterThan(10);
    expect(before.some((o) => o.n.includes("connection_facets_update"))).toBe(true);
    await bulkSeedDemo(db, { connections: 400, seed: 3, now: Date.parse("2026-11-01T00:00:00Z") });
    expect(await schemaShape()).toEqual(before);

    // Facet counts rebuilt in one pass equal a direct count...
    const facets = await callerAs(db, staff()).connections.facets({});
    const expired = await db
      .selectFrom("connections")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("status", "=", "expired")
      .executeTakeFirstOrThrow();
    expect(facets.exact).toBe(true);
    expect(facets.facets.status?.find((f) => f.value === "expired")?.n ?? 0).toBe(expired.n);
    // ...the search index finds a bulk-seeded row...
    const any = await db
      .selectFrom("connections")
      .select(["id", "external_xref"])
      .where("external_xref", "is not", null)
      .orderBy("id")
      .executeTakeFirstOrThrow();
    const found = await callerAs(db, staff()).connections.list({ q: any.external_xref ?? "" });
    expect(found.rows.map((r) => r.id)).toContain(any.id);
    // ...and the triggers are back: rows seeded afterwards are searchable and counted too.
    await seedDemo(db, { connections: 50, seed: 4, now: Date.parse("2026-11-01T00:00:00Z") });
    const total = await db
      .selectFrom("connections")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    const after = await callerAs(db, staff()).connections.facets({});
    expect(after.total).toBe(total.n);
    expect((after.facets.status ?? []).reduce((sum, f) => sum + f.n, 0)).toBe(total.n);
  }, 120_000); // rebuilds twenty-odd indexes and every summary: slow on a busy shared machine
});
