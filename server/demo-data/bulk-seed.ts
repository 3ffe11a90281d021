// Large demo sets (the 1,000,000-row benchmark set): seed with the list's per-row triggers
// (search rows, facet counts) and the secondary indexes off, then rebuild them in one pass.
// Building an index once is far cheaper than a million random insertions into twenty.
import { sql } from "kysely";
import { dbKind, type DB } from "../../db";
import { createListTriggers, dropListTriggers, rebuildListDerived } from "../../db/list-derived";
import { seedDemo, type SeedOptions } from "./seed-demo";
import { createOperationsTriggers, dropOperationsTriggers, rebuildOperationsDerived } from "../home/operations-derived";

/** Below this many rows the ordinary, trigger-maintained path is as quick. */
export const BULK_SEED_THRESHOLD = 50_000;

export async function bulkSeedDemo(
  db: DB,
  options: SeedOptions,
  log: (line: string) => void = () => {},
): Promise<{ connections: number; runs: number; errors: number }> {
  const indexes =
    dbKind(db) === "postgres"
      ? (
          await sql<{
            name: string;
            def: string;
          }>`SELECT indexname AS name, indexdef AS def FROM pg_indexes WHERE schemaname = current_schema() AND tablename = 'connections' AND indexname NOT LIKE '%pkey' AND indexname NOT LIKE '%unique'`.execute(
            db,
          )
        ).rows
      : (
          await sql<{
            name: string;
            def: string;
          }>`SELECT name, sql AS def FROM sqlite_master WHERE type = 'index' AND tbl_name = 'connections' AND sql IS NOT NULL`.execute(
            db,
          )
        ).rows;
  await dropListTriggers(db);
  await dropOperationsTriggers(db);
  for (const i of indexes) await sql`DROP INDEX ${sql.ref(i.name)}`.execute(db);
  const started = Date.now();
  const seconds = () => ((Date.now() - started) / 1000).toFixed(0);
  try {
    return await seedDemo(db, options);
  } finally {
    // Restored even when seeding fails part-way, so the database is never left without them.
    for (const i of indexes) await sql.raw(i.def).execute(db);
    log(`${indexes.length} indexes rebuilt at ${seconds()} s`);
    await rebuildListDerived(db);
    await createListTriggers(db);
    await rebuildOperationsDerived(db);
    await createOperationsTriggers(db);
    await sql`ANALYZE`.execute(db);
    log(`search index, facet counts and statistics rebuilt at ${seconds()} s`);
  }
}
