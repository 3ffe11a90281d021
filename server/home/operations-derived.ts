// The operations summaries' triggers as the current schema has them, for bulk loads that drop
// them, load, then rebuild every summary in one pass (server/demo-data/bulk-seed.ts): migration
// 0007's, with its per-day counts replaced by 0007-operations-time-buckets' day/hour/minute
// counts, the triggers on connections made deferrable by ingest (0011) and those on
// connection_errors too (0012). A later migration
// that changes them gives this module its own copy (the consistency test checks that the
// trigger path and the rebuild agree).
import { sql } from "kysely";
import { dbKind, type DB } from "../../db";
import { operationsRebuildStatements } from "../../db/migrations/2026-12-02-0007-operations";
import { timeBucketRebuildStatements } from "../../db/migrations/2026-12-02-0007-operations-time-buckets";
import {
  deferrable,
  operationsDrops,
  operationsStatements,
} from "../../db/migrations/2026-12-02-0011-ingest-defers-derived";
import { errorsDeferrable, errorTriggerDrops } from "../../db/migrations/2026-12-02-0012-ingest-defers-error-groups";

const run = (db: DB, statements: string[]) =>
  statements.reduce<Promise<unknown>>((p, s) => p.then(() => sql.raw(s).execute(db)), Promise.resolve());
const pg = (db: DB) => dbKind(db) === "postgres";
/** 0007's statements without its per-day counts (the time buckets took them over). */
const withoutDays = (statements: string[]) => statements.filter((s) => !s.includes("ops_day_counts"));

/** ops_day_counts' buckets: `kind` is `<name>:<unit>`, `day` the column's first `len` characters. */
export const TIME_BUCKETS = [
  ["expires", "auth_expires_at"],
  ["sync", "last_sync_at"],
].flatMap(([name, column]) =>
  [
    ["d", 10],
    ["h", 13],
    ["m", 16],
  ].map(([unit, len]) => ({ kind: `${name}:${unit}`, column, len: Number(len) })),
);

export async function createOperationsTriggers(db: DB): Promise<void> {
  await run(db, errorsDeferrable(deferrable(operationsStatements(pg(db)), pg(db)), pg(db)));
}

export async function dropOperationsTriggers(db: DB): Promise<void> {
  await run(db, [...errorTriggerDrops(pg(db)), ...operationsDrops(pg(db))]);
}

/** Recomputes every operations summary (and each error's group) from the rows. */
export async function rebuildOperationsDerived(db: DB): Promise<void> {
  await run(db, [...withoutDays(operationsRebuildStatements()), ...timeBucketRebuildStatements()]);
}
