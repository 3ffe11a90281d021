// The operations summaries' triggers as the current schema has them, for bulk loads that drop
// them, load, then rebuild every summary in one pass (server/demo-data/bulk-seed.ts). Today they
// are migration 0007's; a later migration that changes them gives this module its own copy
// (the consistency test checks that the trigger path and the rebuild agree).
import { sql } from "kysely";
import { dbKind, type DB } from "../../db";
import {
  operationsRebuildStatements,
  operationsTriggerDrops,
  operationsTriggerStatements,
} from "../../db/migrations/2026-12-02-0007-operations";

const run = (db: DB, statements: string[]) =>
  statements.reduce<Promise<unknown>>((p, s) => p.then(() => sql.raw(s).execute(db)), Promise.resolve());

export async function createOperationsTriggers(db: DB): Promise<void> {
  await run(db, operationsTriggerStatements(dbKind(db) === "postgres"));
}

export async function dropOperationsTriggers(db: DB): Promise<void> {
  await run(db, operationsTriggerDrops(dbKind(db) === "postgres"));
}

/** Recomputes every operations summary (and each error's group) from the rows. */
export async function rebuildOperationsDerived(db: DB): Promise<void> {
  await run(db, operationsRebuildStatements());
}
