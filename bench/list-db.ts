// The benchmark's million-row databases, seeded once and reused: a SQLite file under
// bench/out/ (gitignored) and a dedicated PostgreSQL schema. A half-seeded database (an
// interrupted run) is detected by its row count and seeded again from scratch.
import { existsSync, rmSync } from "node:fs";
import path from "node:path";
import { sql } from "kysely";
import pg from "pg";
import { createDb, type DB, type DbKind } from "../db";
import { migrateToLatest } from "../db/migrate";
import { bulkSeedDemo } from "../server/demo-data/bulk-seed";

export const BENCH_ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
export const BENCH_NOW = Date.parse("2026-11-21T00:00:00Z");
export const SQLITE_FILE = path.resolve(process.env.BENCH_SQLITE ?? `bench/out/list-${BENCH_ROWS}.sqlite`);
export const PG_URL = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
export const PG_SCHEMA =
  process.env.BENCH_PG_SCHEMA ?? (BENCH_ROWS === 1_000_000 ? "bench_list_1m" : `bench_list_${BENCH_ROWS}`);

export async function count(db: DB): Promise<number> {
  const row = await db
    .selectFrom("connections")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return row.n;
}

async function pgAdmin(statement: string): Promise<void> {
  const c = new pg.Client({ connectionString: PG_URL });
  await c.connect();
  await c.query(statement);
  await c.end();
}

function open(kind: DbKind): DB {
  return kind === "sqlite"
    ? createDb({ kind, url: SQLITE_FILE })
    : createDb({ kind, url: PG_URL, schema: PG_SCHEMA, poolSize: 4 });
}

/** A migrated database holding exactly BENCH_ROWS demo connections. */
export async function openBenchDb(kind: DbKind, log: (s: string) => void = console.log): Promise<DB> {
  if (kind === "postgres") await pgAdmin(`CREATE SCHEMA IF NOT EXISTS "${PG_SCHEMA}"`);
  let db = open(kind);
  const applied = await migrateToLatest(db);
  const have = await count(db);
  if (have === BENCH_ROWS) {
    // The bulk seed leaves planner statistics; an index a later migration adds has none, and
    // SQLite then guesses it matches ~10 rows (a tenant index for every page, then a sort of
    // 166,000 rows: 20 s). A maintained database re-analyzes after migrating; so does this one.
    if (applied.length > 0) {
      log(`${kind}: migrated (${applied.join(", ")}): ANALYZE`);
      await sql`ANALYZE`.execute(db);
    }
    return db;
  }
  if (have > 0 && have < BENCH_ROWS) {
    log(`${kind}: ${have} rows, want ${BENCH_ROWS}: adding the rest`);
    await bulkLoad(db, BENCH_ROWS - have, 1 + have, log);
    return db;
  }
  log(`${kind}: ${have} rows, want ${BENCH_ROWS}: seeding from scratch`);
  await db.destroy();
  if (kind === "sqlite") {
    for (const suffix of ["", "-wal", "-shm"]) if (existsSync(SQLITE_FILE + suffix)) rmSync(SQLITE_FILE + suffix);
  } else {
    await pgAdmin(`DROP SCHEMA "${PG_SCHEMA}" CASCADE`);
    await pgAdmin(`CREATE SCHEMA "${PG_SCHEMA}"`);
  }
  db = open(kind);
  await migrateToLatest(db);
  await bulkLoad(db, BENCH_ROWS, 1, log);
  return db;
}

/** Seeds `rows` more demo connections; a different seed per resume keeps platform ids unique. */
export async function bulkLoad(db: DB, rows: number, seed: number, log: (s: string) => void): Promise<void> {
  const started = Date.now();
  await bulkSeedDemo(
    db,
    {
      connections: rows,
      seed,
      ...(process.env.BENCH_SEED_WORKERS ? { workers: Number(process.env.BENCH_SEED_WORKERS) } : {}),
      // BENCH_SEED_SUMMARIES=0|1: summaries rebuilt in SQL after the load, or made with the batches
      ...(process.env.BENCH_SEED_SUMMARIES ? { summaries: process.env.BENCH_SEED_SUMMARIES === "1" } : {}),
      now: BENCH_NOW,
      onProgress: (done, total) => {
        if (done % 50_000 === 0 || done === total)
          log(`seeded ${done}/${total} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
      },
    },
    log,
  );
}

if (process.argv[1]?.endsWith("list-db.ts")) {
  for (const kind of (process.argv[2] ?? "sqlite,postgres").split(",") as DbKind[]) {
    const db = await openBenchDb(kind);
    console.log(`${kind}: ready with ${await count(db)} rows`);
    await db.destroy();
  }
}
