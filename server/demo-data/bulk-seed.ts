// Large demo sets (the 1,000,000-row benchmark set). The list's and the operations summaries'
// per-row triggers and the secondary indexes of the three seeded tables are off while rows go
// in, then rebuilt in one pass each: building an index once is far cheaper than a million
// random insertions into twenty. Batches are generated (and their credentials sealed) in worker
// threads while this thread writes the previous ones with prepared bulk statements
// (seed-insert.ts); the rows are the same as seedDemo's for the same seed and batch size.
import { availableParallelism } from "node:os";
import { sql } from "kysely";
import { dbKind, type DB } from "../../db";
import { createListTriggers, dropListTriggers, rebuildListDerived } from "../../db/list-derived";
import { createOperationsTriggers, dropOperationsTriggers, rebuildOperationsDerived } from "../home/operations-derived";
import { batchRequests } from "./seed-batch";
import { countConnections, seedBase, type SeedOptions } from "./seed-demo";
import { SEEDED_TABLES } from "./seed-encode";
import { bulkWriter } from "./seed-insert";
import { generatedBatches } from "./seed-pool";

/** Below this many rows the ordinary, trigger-maintained path is as quick. */
export const BULK_SEED_THRESHOLD = 50_000;
/** Batches per transaction. */
const BATCHES_PER_COMMIT = 10;

export interface BulkSeedOptions extends SeedOptions {
  /** generating threads; 0 generates inline. Default: one per core (measured: on 2 cores, 2 beat 1). */
  workers?: number;
}

interface IndexDef {
  name: string;
  def: string;
}

/** Secondary indexes of the seeded tables (not those backing a primary key or unique constraint). */
async function secondaryIndexes(db: DB): Promise<IndexDef[]> {
  const tables = sql.join(SEEDED_TABLES.map((t) => sql.lit(t)));
  const query =
    dbKind(db) === "postgres"
      ? sql<IndexDef>`SELECT i.indexname AS name, i.indexdef AS def FROM pg_indexes i WHERE i.schemaname = current_schema() AND i.tablename IN (${tables}) AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname AND c.connamespace = current_schema()::regnamespace) ORDER BY 1`
      : sql<IndexDef>`SELECT name, sql AS def FROM sqlite_master WHERE type = 'index' AND tbl_name IN (${tables}) AND sql IS NOT NULL ORDER BY 1`;
  return (await query.execute(db)).rows;
}

async function createIndexes(db: DB, indexes: IndexDef[]): Promise<void> {
  if (dbKind(db) === "sqlite") {
    for (const i of indexes) await sql.raw(i.def).execute(db);
    return;
  }
  await db.transaction().execute(async (trx) => {
    // Sorts in memory rather than in temporary files (the session default is 64 MB).
    await sql`SET LOCAL maintenance_work_mem = '512MB'`.execute(trx);
    for (const i of indexes) await sql.raw(i.def).execute(trx);
  });
}

export async function bulkSeedDemo(
  db: DB,
  options: BulkSeedOptions,
  log: (line: string) => void = () => {},
): Promise<{ connections: number; runs: number; errors: number }> {
  const now = options.now ?? Date.now();
  await seedBase(db, now);
  const start = await countConnections(db);
  const requests = batchRequests(options.seed ?? 42, options.connections, start, now, options.batchSize);
  const workers = options.workers ?? availableParallelism();
  const indexes = await secondaryIndexes(db);
  await dropListTriggers(db);
  await dropOperationsTriggers(db);
  for (const i of indexes) await sql`DROP INDEX ${sql.ref(i.name)}`.execute(db);
  const started = Date.now();
  const seconds = () => ((Date.now() - started) / 1000).toFixed(1);
  const totals = { connections: 0, runs: 0, errors: 0 };
  try {
    const writer = await bulkWriter(db);
    try {
      let written = 0;
      for await (const tables of generatedBatches(dbKind(db), requests, workers)) {
        await writer.write(tables);
        const [connections, runs, errors] = tables.map((t) => t.rows);
        totals.connections += connections ?? 0;
        totals.runs += runs ?? 0;
        totals.errors += errors ?? 0;
        if (++written % BATCHES_PER_COMMIT === 0) await writer.commit();
        options.onProgress?.(totals.connections, options.connections);
      }
      await writer.close();
    } catch (e) {
      await writer.abort();
      throw e;
    }
    log(`rows inserted at ${seconds()} s (${workers} generating worker${workers === 1 ? "" : "s"})`);
  } finally {
    // Restored even when seeding fails part-way, so the database is never left without them.
    await createIndexes(db, indexes);
    log(`${indexes.length} indexes rebuilt at ${seconds()} s`);
    await rebuildListDerived(db);
    await createListTriggers(db);
    await rebuildOperationsDerived(db);
    await createOperationsTriggers(db);
    await sql`ANALYZE`.execute(db);
    log(`search index, facet counts and statistics rebuilt at ${seconds()} s`);
  }
  return totals;
}
