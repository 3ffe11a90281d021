// The bulk write of changed connection rows: one INSERT … ON CONFLICT (platform, platform_id)
// DO UPDATE per chunk, the same SQL on SQLite and PostgreSQL (only the placeholders differ).
// New rows start at version 1; an update bumps the stored version. tenant_id and the
// console's own pause are never overwritten by an import (the planner refuses tenant moves
// before this point).
//
// Why not the query builder here: a chunk is 400 rows × 62 columns, and building, parsing and
// compiling that tree for every chunk cost more than SQLite's own work for the rows. The
// statement text depends only on the dialect and the row count, so it is built once and kept;
// the column names come from the fixed lists below, never from input.
import { CompiledQuery } from "kysely";
import { dbKind, preparedSqlite, type DB, type DbKind } from "../../db";
import type { NewConnection } from "../../db/types";
import { CONNECTION_COLUMNS } from "./connection-fields";

export type ConnectionWrite = NewConnection & { id: string };

const UPDATED_COLUMNS = [
  ...CONNECTION_COLUMNS.filter((c) => c !== "platform" && c !== "platform_id"),
  "credentials_encrypted",
  "credentials_fingerprint",
  "open_error_count",
  "needs_relink",
] as const;

/** Every column an import writes, in statement order. */
const INSERTED_COLUMNS = [
  ...CONNECTION_COLUMNS,
  "credentials_encrypted",
  "credentials_fingerprint",
  "open_error_count",
  "needs_relink",
  "id",
  "tenant_id",
  "user_paused",
  "paused_by",
  "paused_at",
  "pause_reason",
  "version",
] as const satisfies readonly (keyof ConnectionWrite)[];

// 62 columns per row keeps a chunk under SQLite's 32,766 and PostgreSQL's 65,535 parameters.
const CHUNK = 400;

const statements = new Map<string, string>();

function upsertSql(kind: DbKind, rows: number): string {
  const cacheKey = `${kind}:${rows}`;
  const cached = statements.get(cacheKey);
  if (cached !== undefined) return cached;
  const width = INSERTED_COLUMNS.length;
  const tuples: string[] = [];
  for (let r = 0; r < rows; r++) {
    const slots = INSERTED_COLUMNS.map((_, c) => (kind === "postgres" ? `$${r * width + c + 1}` : "?"));
    tuples.push(`(${slots.join(", ")})`);
  }
  const set = [...UPDATED_COLUMNS.map((c) => `"${c}" = excluded."${c}"`), `"version" = "connections"."version" + 1`];
  const text =
    `insert into "connections" (${INSERTED_COLUMNS.map((c) => `"${c}"`).join(", ")}) values ${tuples.join(", ")} ` +
    `on conflict ("platform", "platform_id") do update set ${set.join(", ")}`;
  statements.set(cacheKey, text);
  return text;
}

export async function upsertConnectionRows(trx: DB, rows: ConnectionWrite[]): Promise<void> {
  if (rows.length === 0) return;
  const kind = dbKind(trx);
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    const parameters: unknown[] = [];
    for (const row of chunk) for (const column of INSERTED_COLUMNS) parameters.push(row[column] ?? null);
    const text = upsertSql(kind, chunk.length);
    // SQLite: the prepared statement is kept (preparing 400 rows' worth cost ~8 ms of CPU a chunk).
    const statement = kind === "sqlite" ? preparedSqlite(trx, text) : undefined;
    if (statement) statement.run(...parameters);
    else await trx.executeQuery(CompiledQuery.raw(text, parameters));
  }
}
