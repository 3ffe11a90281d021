// The operations summaries' triggers as the current schema has them, for bulk loads that drop
// them, load, then rebuild every summary in one pass (server/demo-data/bulk-seed.ts): migration
// 0007's, with its per-day counts replaced by 0007-operations-time-buckets' day/hour/minute
// counts. A later migration that changes them gives this module its own copy (the consistency
// test checks that the trigger path and the rebuild agree).
import { sql } from "kysely";
import { dbKind, type DB } from "../../db";
import {
  operationsRebuildStatements,
  operationsTriggerDrops,
  operationsTriggerStatements,
} from "../../db/migrations/2026-12-02-0007-operations";
import {
  timeBucketRebuildStatements,
  timeBucketTriggerDrops,
  timeBucketTriggerStatements,
} from "../../db/migrations/2026-12-02-0007-operations-time-buckets";

const run = (db: DB, statements: string[]) =>
  statements.reduce<Promise<unknown>>((p, s) => p.then(() => sql.raw(s).execute(db)), Promise.resolve());
const pg = (db: DB) => dbKind(db) === "postgres";
/** 0007's statements without its per-day counts (the time buckets took them over). */
const withoutDays = (statements: string[]) => statements.filter((s) => !s.includes("ops_day_counts"));

export async function createOperationsTriggers(db: DB): Promise<void> {
  await run(db, [...withoutDays(operationsTriggerStatements(pg(db))), ...timeBucketTriggerStatements(pg(db))]);
}

export async function dropOperationsTriggers(db: DB): Promise<void> {
  await run(db, [...operationsTriggerDrops(pg(db)), ...timeBucketTriggerDrops(pg(db))]);
}

/** Recomputes every operations summary (and each error's group) from the rows. */
export async function rebuildOperationsDerived(db: DB): Promise<void> {
  await run(db, [...withoutDays(operationsRebuildStatements()), ...timeBucketRebuildStatements()]);
}
