// Large demo sets (the 1,000,000-row benchmark set). The list's and the operations summaries'
// per-row triggers and the secondary indexes of the three seeded tables are off while rows go
// in, then rebuilt in one pass each: building an index once is far cheaper than a million
// random insertions into twenty. Batches are generated (and their credentials sealed) in worker
// threads while this thread writes the previous ones with prepared bulk statements
// (seed-insert.ts); the rows are the same as seedDemo's for the same seed and batch size.
import { availableParallelism } from "node:os";
import { sql } from "kysely";
import { dbKind, sqliteHandle, type DB } from "../../db";
import { createListTriggers, dropListTriggers, rebuildListDerived } from "../../db/list-derived";
import { createOperationsTriggers, dropOperationsTriggers, rebuildOperationsDerived } from "../home/operations-derived";
import { batchRequests } from "./seed-batch";
import { countConnections, seedBase, type SeedOptions } from "./seed-demo";
import { SEEDED_TABLES, encodeRows } from "./seed-encode";
import { bulkWriter } from "./seed-insert";
import { generatedBatches } from "./seed-pool";
import { SUMMARY_TABLES, batchRowTables, emptySummary, mergeSummary, summaryTables } from "./seed-summaries";

/** Below this many rows the ordinary, trigger-maintained path is as quick. */
export const BULK_SEED_THRESHOLD = 50_000;
/** Batches per transaction. */
const BATCHES_PER_COMMIT = 10;

export interface BulkSeedOptions extends SeedOptions {
  /** generating threads; 0 generates inline. Default: one per core (measured: on 2 cores, 2 beat 1). */
  workers?: number;
  /**
   * Into an empty database, compute the summaries with the batches (true, the default) or rebuild
   * them in SQL after the load (false). SQLite at 1M on a quiet machine: 199 s against 297 s
   * (docs/BENCHMARKS.md, Seeding).
   */
  summaries?: boolean;
}

interface IndexDef {
  name: string;
  def: string;
}

/** Secondary indexes of the seeded tables (not those backing a primary key or unique constraint). */
async function secondaryIndexes(db: DB, loaded: readonly string[]): Promise<IndexDef[]> {
  const tables = sql.join(loaded.map((t) => sql.lit(t)));
  const query =
    dbKind(db) === "postgres"
      ? sql<IndexDef>`SELECT i.indexname AS name, i.indexdef AS def FROM pg_indexes i WHERE i.schemaname = current_schema() AND i.tablename IN (${tables}) AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname AND c.connamespace = current_schema()::regnamespace) ORDER BY 1`
      : sql<IndexDef>`SELECT name, sql AS def FROM sqlite_master WHERE type = 'index' AND tbl_name IN (${tables}) AND sql IS NOT NULL ORDER BY 1`;
  return (await query.execute(db)).rows;
}

async function createIndexes(db: DB, indexes: IndexDef[]): Promise<void> {
  const handle = sqliteHandle(db);
  if (dbKind(db) === "sqlite" && handle) {
    // Each index is one sort of its table's keys: in memory while they fit in the page cache
    // (512 MB here; the connection's 64 MB spilled a million rows' keys into many merge runs),
    // with the sorter's helper threads (measured at 100k: 6.5 s CPU → 4.4 s, wall about halved).
    const cache = handle.pragma("cache_size", { simple: true });
    const threads = handle.pragma("threads", { simple: true });
    handle.pragma("cache_size = -524288");
    handle.pragma(`threads = ${availableParallelism()}`);
    try {
      for (const i of indexes) handle.exec(i.def);
    } finally {
      handle.pragma(`cache_size = ${Number(cache)}`);
      handle.pragma(`threads = ${Number(threads)}`);
    }
    return;
  }
  if (dbKind(db) === "sqlite") {
    for (const i of indexes) await sql.raw(i.def).execute(db);
    return;
  }
  // PostgreSQL builds indexes of one table side by side (CREATE INDEX takes a lock that does not
  // exclude another's): one connection per core, each sorting in memory (the session default,
  // 64 MB, spills to temporary files).
  const queue = [...indexes];
  const lanes = Math.max(1, Math.min(availableParallelism(), queue.length));
  await Promise.all(
    Array.from({ length: lanes }, () =>
      db.connection().execute(async (c) => {
        await sql`SET maintenance_work_mem = '512MB'`.execute(c);
        try {
          for (let i = queue.shift(); i; i = queue.shift()) await sql.raw(i.def).execute(c);
        } finally {
          await sql`RESET maintenance_work_mem`.execute(c);
        }
      }),
    ),
  );
}

/**
 * Planner statistics for the schema's tables. PostgreSQL's bare ANALYZE covers every schema of
 * the database, other tests' and benches' schemas too (100k, load ~15: 28 s with three other
 * schemas beside it; this schema's four largest tables alone, 11 s).
 */
async function analyze(db: DB): Promise<void> {
  if (dbKind(db) === "sqlite") {
    await sql`ANALYZE`.execute(db);
    return;
  }
  const { rows } = await sql<{
    name: string;
  }>`SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() ORDER BY 1`.execute(db);
  if (rows.length > 0) await sql`ANALYZE ${sql.join(rows.map((r) => sql.table(r.name)))}`.execute(db);
}

const count = async (db: DB, table: "connections" | "connection_errors") =>
  Number(
    (
      await db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow()
    ).n,
  );

export async function bulkSeedDemo(
  db: DB,
  options: BulkSeedOptions,
  log: (line: string) => void = () => {},
): Promise<{ connections: number; runs: number; errors: number }> {
  const now = options.now ?? Date.now();
  const kind = dbKind(db);
  await seedBase(db, now);
  const start = await countConnections(db);
  const requests = batchRequests(options.seed ?? 42, options.connections, start, now, options.batchSize);
  const workers = options.workers ?? availableParallelism();
  // Into an empty database the summaries are computed with the batches (seed-summaries.ts) and
  // their per-error rows loaded like the seeded tables; otherwise they are rebuilt in SQL after.
  const direct = options.summaries !== false && start === 0 && (await count(db, "connection_errors")) === 0;
  const perError = batchRowTables(emptySummary()).map((t) => t.table);
  const indexes = await secondaryIndexes(db, direct ? [...SEEDED_TABLES, ...perError] : SEEDED_TABLES);
  await dropListTriggers(db);
  await dropOperationsTriggers(db);
  for (const i of indexes) await sql`DROP INDEX ${sql.ref(i.name)}`.execute(db);
  // Rows a trigger left at zero after deletes; a rebuild would drop them too.
  if (direct)
    for (const t of [...SUMMARY_TABLES, ...(kind === "sqlite" ? ["connection_search"] : [])])
      await sql`DELETE FROM ${sql.table(t)}`.execute(db);
  const started = Date.now();
  const cpu = process.cpuUsage();
  const seconds = () => {
    const used = process.cpuUsage(cpu);
    return `${((Date.now() - started) / 1000).toFixed(1)} s (process CPU ${((used.user + used.system) / 1e6).toFixed(1)} s)`;
  };
  const totals = { connections: 0, runs: 0, errors: 0 };
  const summary = emptySummary();
  let summarized = false;
  let busy = 0; // ms this thread spent writing and merging, not waiting for the workers
  try {
    const writer = await bulkWriter(db);
    try {
      let written = 0;
      for await (const { tables, summary: part } of generatedBatches(kind, requests, workers, direct)) {
        const writing = performance.now();
        await writer.write(tables);
        if (part) mergeSummary(summary, part);
        busy += performance.now() - writing;
        const [connections, runs, errors] = tables.map((t) => t.rows);
        totals.connections += connections ?? 0;
        totals.runs += runs ?? 0;
        totals.errors += errors ?? 0;
        if (++written % BATCHES_PER_COMMIT === 0) await writer.commit();
        options.onProgress?.(totals.connections, options.connections);
      }
      if (direct && summary.exact) {
        await writer.write(summaryTables(summary).map((t) => encodeRows(kind, t.table, t.columns, t.rows)));
        summarized = true;
      }
      await writer.close();
    } catch (e) {
      summarized = false;
      await writer.abort();
      throw e;
    }
    log(
      `rows inserted at ${seconds()} (${workers} generating worker${workers === 1 ? "" : "s"}${summarized ? ", summaries computed with them" : ""}; writing ${(busy / 1000).toFixed(1)} s of it)`,
    );
  } finally {
    // Restored even when seeding fails part-way, so the database is never left without them.
    await createIndexes(db, indexes);
    log(`${indexes.length} indexes rebuilt at ${seconds()}`);
    // The search rows (SQLite) and the created-date facets were loaded with the batches too.
    if (!summarized) await rebuildListDerived(db);
    await createListTriggers(db);
    if (!summarized) await rebuildOperationsDerived(db);
    await createOperationsTriggers(db);
    if (!summarized) log(`search index, facet counts, operations summaries rebuilt at ${seconds()}`);
    await analyze(db);
    log(`statistics at ${seconds()}`);
  }
  return totals;
}
