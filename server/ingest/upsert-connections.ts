// The bulk write of changed connection rows: one INSERT … ON CONFLICT (platform, platform_id)
// DO UPDATE per chunk, the same SQL on SQLite and PostgreSQL. New rows start at version 1;
// an update bumps the stored version. tenant_id and the console's own pause are never
// overwritten by an import (the planner refuses tenant moves before this point).
import { sql, type RawBuilder } from "kysely";
import type { DB } from "../../db";
import type { Connection, NewConnection } from "../../db/types";
import { CONNECTION_COLUMNS } from "./connection-fields";

export type ConnectionWrite = NewConnection & { id: string };

const UPDATED_COLUMNS = [
  ...CONNECTION_COLUMNS.filter((c) => c !== "platform" && c !== "platform_id"),
  "credentials_encrypted",
  "credentials_fingerprint",
  "open_error_count",
  "needs_relink",
] as const;

// 64 columns per row keeps a chunk under SQLite's 32,766 and PostgreSQL's 65,535 parameters.
const CHUNK = 400;

type UpdatedColumn = (typeof UPDATED_COLUMNS)[number];

type ExcludedSet = { [C in UpdatedColumn]: RawBuilder<Connection[C]> } & { version: RawBuilder<number> };

/** `col = excluded.col` for every imported column; names come from the fixed list above. */
const EXCLUDED_SET = {
  ...Object.fromEntries(UPDATED_COLUMNS.map((column) => [column, sql.ref(`excluded.${column}`)])),
  version: sql<number>`connections.version + 1`,
} as ExcludedSet;

export async function upsertConnectionRows(trx: DB, rows: ConnectionWrite[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await trx
      .insertInto("connections")
      .values(rows.slice(i, i + CHUNK))
      .onConflict((oc) => oc.columns(["platform", "platform_id"]).doUpdateSet(EXCLUDED_SET))
      .execute();
  }
}
