// A generated batch in the shape its insert statement binds, made where the batch was generated
// (a worker) so the inserting thread only passes values on: for SQLite one flat row-major list
// per table, for PostgreSQL one array literal per column (for `unnest`).
import type { DbKind } from "../../db";
import type { GeneratedBatch } from "./seed-batch";

export const SEEDED_TABLES = ["connections", "connection_runs", "connection_errors"] as const;
export type SeededTable = (typeof SEEDED_TABLES)[number];

export interface EncodedTable {
  table: string;
  columns: string[];
  rows: number;
  /** sqlite: rows × columns values, row-major */
  values?: unknown[];
  /** postgres: one array literal per column */
  arrays?: string[];
}

const SEALED = ["credentials_encrypted", "credentials_fingerprint"] as const;

/** A table's rows as records, and how to read a column of row r (connections: with its sealed credentials). */
function tableRows(batch: GeneratedBatch, table: SeededTable, firstRowid?: number) {
  if (table === "connections") {
    const rows = batch.connections as unknown as Record<string, unknown>[];
    const own = rows[0] ? Object.keys(rows[0]) : [];
    const columns = rows[0] ? [...own, ...SEALED] : [];
    const value = (r: number, c: number) =>
      c < own.length
        ? rows[r]?.[own[c] as string]
        : batch.sealed[r]?.[SEALED[c - own.length] as (typeof SEALED)[number]];
    if (firstRowid === undefined) return { count: rows.length, columns, value };
    // SQLite: rowids given, as the search rows loaded with them name them.
    return {
      count: rows.length,
      columns: rows[0] ? ["rowid", ...columns] : [],
      value: (r: number, c: number) => (c === 0 ? firstRowid + r : value(r, c - 1)),
    };
  }
  const rows = (table === "connection_runs" ? batch.runs : batch.errors) as unknown as Record<string, unknown>[];
  const columns = rows[0] ? Object.keys(rows[0]) : [];
  return { count: rows.length, columns, value: (r: number, c: number) => rows[r]?.[columns[c] as string] };
}

/** One element of a PostgreSQL array literal: NULL, or the value's text quoted and escaped. */
function element(value: unknown): string {
  if (value === null || value === undefined) return "NULL";
  return `"${(typeof value === "string" ? value : JSON.stringify(value)).replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

/**
 * A column's values as a PostgreSQL array literal. JSON's quoting of strings is the array
 * literal's (\" and \\ inside double quotes, bare null), and JSON.stringify is native: used
 * unless JSON escaped a control character (\n, \u0001…), which the array literal would misread;
 * such a column (or a false alarm from a backslash before such a letter) goes element by element.
 */
function arrayLiteral(values: unknown[]): string {
  const json = JSON.stringify(values);
  if (!/\\[bfnrtu]/.test(json)) return `{${json.slice(1, -1)}}`;
  return `{${values.map(element).join(",")}}`;
}

/** Rows given as value lists (the summaries' tables) in their insert statement's shape. */
export function encodeRows(kind: DbKind, table: string, columns: string[], rows: unknown[][]): EncodedTable {
  return encode(kind, table, rows.length, columns, (r, c) => rows[r]?.[c]);
}

/** `firstRowid` (SQLite): the connections' rowids, from this one on. */
export function encodeBatch(kind: DbKind, batch: GeneratedBatch, firstRowid?: number): EncodedTable[] {
  return SEEDED_TABLES.map((table) => {
    const { count, columns, value } = tableRows(batch, table, firstRowid);
    return encode(kind, table, count, columns, value);
  });
}

function encode(
  kind: DbKind,
  table: string,
  count: number,
  columns: string[],
  value: (r: number, c: number) => unknown,
): EncodedTable {
  if (kind === "sqlite") {
    const values = new Array<unknown>(count * columns.length);
    let v = 0;
    for (let r = 0; r < count; r++) for (let c = 0; c < columns.length; c++) values[v++] = value(r, c) ?? null;
    return { table, columns, rows: count, values };
  }
  // Read row by row (each row's fields sit together), write column by column.
  const byColumn = columns.map(() => new Array<unknown>(count));
  for (let r = 0; r < count; r++) for (let c = 0; c < columns.length; c++) byColumn[c]![r] = value(r, c) ?? null;
  const arrays = byColumn.map(arrayLiteral);
  return { table, columns, rows: count, arrays };
}
