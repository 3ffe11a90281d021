// The bulk seed's writers, without the query builder in the hot path: statements built once per
// table, column list and row count. SQLite: better-sqlite3's own prepared multi-row INSERTs.
// PostgreSQL: one INSERT … SELECT FROM unnest(arrays) per table and batch, on one connection.
import { CompiledQuery, sql } from "kysely";
import type SQLite from "better-sqlite3";
import { dbKind, preparedSqlite, sqliteHandle, type DB } from "../../db";
import { SEEDED_TABLES, type EncodedTable } from "./seed-encode";
import { SUMMARY_TABLES } from "./seed-summaries";

export interface BulkWriter {
  /** Writes one batch (its three tables) inside the writer's open transaction. */
  write(tables: EncodedTable[]): Promise<void> | void;
  /** Commits the open transaction and starts the next one. */
  commit(): Promise<void> | void;
  /** Commits and restores the connection's settings. */
  close(): Promise<void> | void;
  /** Rolls the open transaction back and restores the connection's settings. */
  abort(): Promise<void> | void;
}

const quoted = (columns: string[]) => columns.map((c) => `"${c}"`).join(", ");

function sqliteWriter(db: DB, handle: SQLite.Database): BulkWriter {
  // Prepared once per table, column list and row count, and kept with the connection (db/index.ts).
  const statement = (t: EncodedTable, rows: number) => {
    const tuple = `(${t.columns.map(() => "?").join(", ")})`;
    const text = `INSERT INTO "${t.table}" (${quoted(t.columns)}) VALUES ${Array.from({ length: rows }, () => tuple).join(", ")}`;
    const prepared = preparedSqlite(db, text);
    if (!prepared) throw new Error("bulk seeding needs a SQLite instance made by createDb");
    return prepared;
  };
  // Bulk-load settings, restored by close(): a crash of this process cannot corrupt the file
  // (synchronous=OFF only risks the last transactions on an OS crash); the rows are consistent
  // by construction, so their foreign keys are not checked one by one.
  const synchronous = handle.pragma("synchronous", { simple: true });
  const foreignKeys = handle.pragma("foreign_keys", { simple: true });
  handle.pragma("synchronous = OFF");
  handle.pragma("foreign_keys = OFF");
  const restore = () => {
    handle.pragma(`synchronous = ${Number(synchronous)}`);
    handle.pragma(`foreign_keys = ${Number(foreignKeys)}`);
  };
  handle.exec("BEGIN");
  return {
    write(tables) {
      for (const t of tables) {
        const width = t.columns.length;
        const values = t.values ?? [];
        const per = Math.max(1, Math.min(500, Math.floor(32_000 / Math.max(1, width))));
        for (let r = 0; r < t.rows; r += per) {
          const n = Math.min(per, t.rows - r);
          statement(t, n).run(values.slice(r * width, (r + n) * width));
        }
      }
    },
    commit() {
      handle.exec("COMMIT");
      handle.exec("BEGIN");
    },
    close() {
      if (handle.inTransaction) handle.exec("COMMIT");
      restore();
    },
    abort() {
      if (handle.inTransaction) handle.exec("ROLLBACK");
      restore();
    },
  };
}

async function postgresWriter(db: DB): Promise<BulkWriter> {
  const types = new Map<string, string>();
  for (const table of [...SEEDED_TABLES, ...SUMMARY_TABLES]) {
    const { rows } = await sql<{
      name: string;
      type: string;
    }>`SELECT attname AS name, format_type(atttypid, atttypmod) AS type FROM pg_attribute WHERE attrelid = to_regclass(${table}) AND attnum > 0 AND NOT attisdropped`.execute(
      db,
    );
    for (const r of rows) types.set(`${table}.${r.name}`, r.type);
  }
  const text = (t: EncodedTable) => {
    const arrays = t.columns.map((c, i) => `$${i + 1}::${types.get(`${t.table}.${c}`) ?? "text"}[]`);
    return `INSERT INTO "${t.table}" (${quoted(t.columns)}) SELECT * FROM unnest(${arrays.join(", ")})`;
  };
  // One connection for the whole load, held until close(): its transactions skip the foreign-key
  // triggers (session_replication_role, as pg_restore's --disable-triggers does; rows are
  // consistent by construction) and do not wait for the WAL flush at commit.
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  const connection = await new Promise<DB>((resolve, reject) => {
    db.connection()
      .execute(async (c) => {
        resolve(c);
        await held;
      })
      .catch(reject);
  });
  const begin = async () => {
    await connection.executeQuery(CompiledQuery.raw("BEGIN"));
    await connection.executeQuery(CompiledQuery.raw("SET LOCAL session_replication_role = replica"));
    await connection.executeQuery(CompiledQuery.raw("SET LOCAL synchronous_commit = off"));
  };
  await begin();
  return {
    async write(tables) {
      for (const t of tables) if (t.rows > 0) await connection.executeQuery(CompiledQuery.raw(text(t), t.arrays ?? []));
    },
    async commit() {
      await connection.executeQuery(CompiledQuery.raw("COMMIT"));
      await begin();
    },
    async close() {
      await connection.executeQuery(CompiledQuery.raw("COMMIT")).finally(release);
    },
    async abort() {
      await connection.executeQuery(CompiledQuery.raw("ROLLBACK")).finally(release);
    },
  };
}

export async function bulkWriter(db: DB): Promise<BulkWriter> {
  if (dbKind(db) === "postgres") return postgresWriter(db);
  const handle = sqliteHandle(db);
  if (!handle) throw new Error("bulk seeding needs a SQLite instance made by createDb");
  return sqliteWriter(db, handle);
}
