import { sql } from "kysely";
import { expect, it } from "vitest";
import { dbKind } from "../index";
import { describeEachDb } from "../../server/test/databases";
import { staff, callerAs } from "../../server/test/callers";
import { bulkSeedDemo } from "./bulk-seed";
import { seedDemo } from "./seed-demo";

describeEachDb("bulk demo seeding", (get) => {
  it("restores every index and trigger, and leaves search and facet counts as the trigger path would", async () => {
    const { db } = get();
    const indexNames = async () =>
      dbKind(db) === "postgres"
        ? (
            await sql<{
              n: string;
            }>`SELECT indexname AS n FROM pg_indexes WHERE schemaname = current_schema() AND tablename = 'connections' ORDER BY 1`.execute(
              db,
            )
          ).rows.map((r) => r.n)
        : (
            await sql<{
              n: string;
            }>`SELECT name AS n FROM sqlite_master WHERE type = 'index' AND tbl_name = 'connections' ORDER BY 1`.execute(
              db,
            )
          ).rows.map((r) => r.n);
    const before = await indexNames();
    expect(before.length).toBeGreaterThan(10);

    await bulkSeedDemo(db, { connections: 400, seed: 3, now: Date.parse("2026-11-01T00:00:00Z") });
    expect(await indexNames()).toEqual(before);

    // Facet counts rebuilt in one pass equal a direct count...
    const facets = await callerAs(db, staff()).connections.facets({});
    const expired = await db
      .selectFrom("connections")
      .select((eb) => eb.fn.countAll().as("n"))
      .where("status", "=", "expired")
      .executeTakeFirstOrThrow();
    expect(facets.exact).toBe(true);
    expect(facets.facets.status?.find((f) => f.value === "expired")?.n ?? 0).toBe(Number(expired.n));
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
      .select((eb) => eb.fn.countAll().as("n"))
      .executeTakeFirstOrThrow();
    const after = await callerAs(db, staff()).connections.facets({});
    expect(after.total).toBe(Number(total.n));
    expect((after.facets.status ?? []).reduce((sum, f) => sum + f.n, 0)).toBe(Number(total.n));
  });
});
