// "Nothing changed" as a number: a SHA-256 over every row of the tables that hold tenant data,
// users' own settings and platform keys. The isolation suites take it before and after a call
// that names another tenant's object; any write at all, anywhere in those tables, moves it.
// Counters that any request may bump (rate limits, sign-in failures) are not tenant data and are
// left out.
import { createHash } from "node:crypto";
import type { DB } from "../../db";
import type { Database } from "../../db/types";

export const CHECKED_TABLES = [
  "tenants",
  "users",
  "integrations",
  "connections",
  "connection_runs",
  "connection_errors",
  "connection_facet_counts",
  "relink_links",
  "relink_batches",
  "audit_events",
  "api_keys",
  "saved_views",
  "user_table_prefs",
  "sandbox_oauth_codes",
] as const satisfies readonly (keyof Database)[];
export type CheckedTable = (typeof CHECKED_TABLES)[number];

export type Row = Record<string, unknown>;

export interface ChecksumOptions {
  /** rows to leave out (a caller's own saved views, a key's last_used_at...) */
  skip?: (table: CheckedTable, row: Row) => boolean;
  /** columns to leave out per table */
  ignoreColumns?: Partial<Record<CheckedTable, string[]>>;
}

async function rowsOf(db: DB, table: CheckedTable): Promise<Row[]> {
  const rows: Row[] = await db.selectFrom(table).selectAll().execute();
  return rows;
}

/** Per table, a hash of its rows in a stable order. */
export async function tableChecksums(db: DB, options: ChecksumOptions = {}): Promise<Map<CheckedTable, string>> {
  const out = new Map<CheckedTable, string>();
  for (const table of CHECKED_TABLES) {
    const ignored = new Set(options.ignoreColumns?.[table] ?? []);
    const lines = (await rowsOf(db, table))
      .filter((row) => !options.skip?.(table, row))
      .map((row) => JSON.stringify(Object.entries(row).filter(([column]) => !ignored.has(column))))
      .sort();
    out.set(table, createHash("sha256").update(lines.join("\n")).digest("hex"));
  }
  return out;
}

/** The tables whose checksum differs between two snapshots. */
export function changedTables(before: Map<CheckedTable, string>, after: Map<CheckedTable, string>): string[] {
  return CHECKED_TABLES.filter((t) => before.get(t) !== after.get(t));
}
