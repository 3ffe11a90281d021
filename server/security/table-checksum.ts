// "Nothing changed" as a number: a SHA-256 over every row of every table in the database, found
// by introspection, so a table added by a later migration (an outbox, webhooks...) is covered
// without anyone remembering it. The isolation suites take it before and after a call that names
// another tenant's object; any write at all moves it. Left out: counters any request may bump
// (rate limits, sign-in failures), the migration bookkeeping and the derived search index.
import { createHash } from "node:crypto";
import { sql } from "kysely";
import { dbKind, type DB } from "../../db";

const NOT_TENANT_DATA = new Set(["rate_limits", "login_attempts", "kysely_migration", "kysely_migration_lock"]);
const isDerived = (name: string) => name.startsWith("connection_search") || name.startsWith("sqlite_");

export type Row = Record<string, unknown>;

export interface ChecksumOptions {
  /** rows to leave out (a caller's own saved views...) */
  skip?: (table: string, row: Row) => boolean;
  /** columns to leave out per table (a key's last_used_at...) */
  ignoreColumns?: Record<string, string[]>;
}

const tableNames = new WeakMap<DB, Promise<string[]>>();

/** The tables the checksum covers, read once per database. */
export function checkedTables(db: DB): Promise<string[]> {
  let names = tableNames.get(db);
  if (!names) {
    names = (async () => {
      // PostgreSQL's introspection lists every schema's tables: keep the one this database uses.
      const schema =
        dbKind(db) === "postgres"
          ? (await sql<{ s: string }>`select current_schema() as s`.execute(db)).rows[0]?.s
          : undefined;
      const tables = await db.introspection.getTables();
      return tables
        .filter((t) => schema === undefined || t.schema === schema)
        .map((t) => t.name)
        .filter((name) => !NOT_TENANT_DATA.has(name) && !isDerived(name))
        .sort();
    })();
    tableNames.set(db, names);
  }
  return names;
}

/** Per table, a hash of its rows in a stable order. */
export async function tableChecksums(db: DB, options: ChecksumOptions = {}): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const table of await checkedTables(db)) {
    const ignored = new Set(options.ignoreColumns?.[table] ?? []);
    const { rows } = await sql<Row>`select * from ${sql.table(table)}`.execute(db);
    const lines = rows
      .filter((row) => !options.skip?.(table, row))
      .map((row) => JSON.stringify(Object.entries(row).filter(([column]) => !ignored.has(column))))
      .sort();
    out.set(table, createHash("sha256").update(lines.join("\n")).digest("hex"));
  }
  return out;
}

/** The tables whose checksum differs between two snapshots. */
export function changedTables(before: Map<string, string>, after: Map<string, string>): string[] {
  return [...new Set([...before.keys(), ...after.keys()])].filter((t) => before.get(t) !== after.get(t));
}
