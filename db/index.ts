// Kysely instances on PostgreSQL or an embedded SQLite file (WAL, foreign keys on), for a target
// the caller gives: the console's own is configured by the server layer, tests and benchmarks make
// their own. The bottom layer: nothing here imports from above db/.
import { mkdirSync } from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, PostgresDialect, SqliteDialect } from "kysely";
import pg from "pg";
import { pgNumberTypes } from "./pg-numbers";
import { registerSqlFunctions } from "./sql-functions";
import { RoutingSqliteDriver, SQLITE_MMAP_BYTES, SqliteReadPool } from "./sqlite-read-pool";
import type { Database } from "./types";

export type DbKind = "sqlite" | "postgres";
export type DB = Kysely<Database>;

export interface DbTarget {
  kind: DbKind;
  /** postgres connection string, or sqlite file path (":memory:" allowed) */
  url: string;
  /** postgres only: schema to use as search_path (tests run each in a fresh one) */
  schema?: string;
  poolSize?: number;
  /**
   * sqlite file only: worker threads that each hold a read-only connection for plain reads
   * (db/sqlite-read-pool.ts); 0 or absent keeps every query on the one connection.
   */
  readWorkers?: number;
}

const kinds = new WeakMap<object, DbKind>();
const schemas = new WeakMap<object, string>();

/** SQLite: the one connection behind a Kysely instance and its transactions (they share its adapter). */
const sqliteHandles = new WeakMap<object, SQLite.Database>();
const prepared = new WeakMap<SQLite.Database, Map<string, SQLite.Statement>>();

/** The better-sqlite3 handle under a SQLite instance (bulk loads prepare their own statements). */
export function sqliteHandle(db: Kysely<unknown> | DB): SQLite.Database | undefined {
  return sqliteHandles.get(db.getExecutor().adapter);
}

/**
 * SQLite: a statement prepared once per connection and kept, for large statements run again and
 * again with new values (Kysely prepares each query anew; a 400-row upsert costs milliseconds to
 * prepare). Run it only inside `db` or a transaction of it: it uses the same connection.
 * Undefined on PostgreSQL.
 */
export function preparedSqlite(db: Kysely<unknown> | DB, text: string): SQLite.Statement | undefined {
  const handle = sqliteHandles.get(db.getExecutor().adapter);
  if (!handle) return undefined;
  const statements = prepared.get(handle) ?? new Map<string, SQLite.Statement>();
  prepared.set(handle, statements);
  let statement = statements.get(text);
  if (!statement) statements.set(text, (statement = handle.prepare(text)));
  return statement;
}

/** The PostgreSQL schema a test/bench instance was created for, if any. */
export function dbSchema(db: object): string | undefined {
  return schemas.get(db);
}

export function createDb(target: DbTarget): DB {
  let db: DB;
  if (target.kind === "postgres") {
    const pool = new pg.Pool({
      connectionString: target.url,
      max: target.poolSize ?? 10,
      options: target.schema ? `-c search_path=${target.schema}` : undefined,
      types: pgNumberTypes,
    });
    db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  } else {
    if (target.url !== ":memory:") mkdirSync(path.dirname(path.resolve(target.url)), { recursive: true });
    const sqlite = new SQLite(target.url);
    sqlite.pragma("journal_mode = WAL");
    sqlite.pragma("foreign_keys = ON");
    sqlite.pragma("synchronous = NORMAL");
    sqlite.pragma("busy_timeout = 5000");
    // Search and facet triggers make SQLite keep statement journals: keep them off disk.
    sqlite.pragma("temp_store = MEMORY");
    sqlite.pragma("cache_size = -65536");
    sqlite.pragma(`mmap_size = ${SQLITE_MMAP_BYTES}`);
    // The operations triggers (migration 0007) call these.
    registerSqlFunctions(sqlite);
    const workers = target.url === ":memory:" ? 0 : (target.readWorkers ?? 0);
    db = new Kysely<Database>({
      dialect: workers > 0 ? pooledSqliteDialect(sqlite, target.url, workers) : new SqliteDialect({ database: sqlite }),
    });
    sqliteHandles.set(db.getExecutor().adapter, sqlite);
  }
  kinds.set(db, target.kind);
  if (target.schema) schemas.set(db, target.schema);
  return db;
}

/** Kysely's SQLite dialect, its driver wrapped so that plain reads go to a pool of read workers. */
function pooledSqliteDialect(sqlite: SQLite.Database, file: string, workers: number): SqliteDialect {
  return new (class extends SqliteDialect {
    override createDriver() {
      return new RoutingSqliteDriver(super.createDriver(), new SqliteReadPool(path.resolve(file), workers));
    }
  })({ database: sqlite });
}

export function dbKind(db: Kysely<unknown> | DB): DbKind {
  return kinds.get(db) ?? (db.getExecutor().adapter.constructor.name.startsWith("Postgres") ? "postgres" : "sqlite");
}
