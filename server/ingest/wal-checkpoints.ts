// SQLite: with the default auto-checkpoint (every 1,000 WAL pages, ~4 MB) nearly every ingest
// batch's commit also copied the WAL back into the database file — 30–200 ms a batch, the same
// hot pages (indexes, summaries) written again each time. While an ingest runs the connection
// checkpoints every INGEST_CHECKPOINT_PAGES instead (the WAL stays bounded by that much plus one
// batch), and when the last overlapping ingest ends the setting is restored, whatever the outcome,
// and one PASSIVE checkpoint (it never waits for readers) copies what is left. PostgreSQL: nothing.
import { sql } from "kysely";
import { dbKind, sqliteHandle, type DB } from "../../db";

/** 16,384 pages: 64 MiB of WAL at SQLite's 4 KiB page size. */
export const INGEST_CHECKPOINT_PAGES = 16_384;

/** Per SQLite connection: how many ingests run, and the setting to restore after the last. */
const held = new WeakMap<object, { count: number; restore: Promise<number> }>();

async function pragma(db: DB, text: string): Promise<Record<string, unknown>[]> {
  return (await sql.raw<Record<string, unknown>>(`PRAGMA ${text}`).execute(db)).rows;
}

/** The connection's auto-checkpoint threshold in pages (0 = off). */
export async function walAutocheckpoint(db: DB): Promise<number> {
  return Number((await pragma(db, "wal_autocheckpoint"))[0]?.wal_autocheckpoint);
}

/** Runs `work` with checkpoints held back to INGEST_CHECKPOINT_PAGES (SQLite), then restores. */
export async function withIngestCheckpoints<T>(db: DB, work: () => Promise<T>): Promise<T> {
  const handle = dbKind(db) === "sqlite" ? sqliteHandle(db) : undefined;
  if (!handle) return work();
  let entry = held.get(handle);
  if (!entry) {
    const restore = (async () => {
      const value = await walAutocheckpoint(db);
      await pragma(db, `wal_autocheckpoint = ${INGEST_CHECKPOINT_PAGES}`);
      return value;
    })();
    entry = { count: 0, restore };
    held.set(handle, entry);
  }
  entry.count += 1;
  try {
    await entry.restore;
    return await work();
  } finally {
    entry.count -= 1;
    if (entry.count === 0) {
      held.delete(handle);
      const restore = await entry.restore.catch(() => undefined);
      if (restore !== undefined) await pragma(db, `wal_autocheckpoint = ${restore}`);
      await pragma(db, "wal_checkpoint(PASSIVE)");
    }
  }
}
