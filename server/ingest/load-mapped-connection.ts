// A stored connection back in the adapters' shape (row + runs + errors + decrypted
// credentials), so `ADAPTERS[format].export()` can give the source record back: the proof
// that an import loses nothing. Server-only: the result holds plaintext credentials.
import type { DB } from "../../db";
import type { MappedConnection } from "../adapters";
import { decryptSecret } from "../crypto";
import { CONNECTION_COLUMNS } from "./connection-fields";

function credentialsOf(stored: string | null): Record<string, unknown> | null {
  if (stored === null) return null;
  const value: unknown = JSON.parse(decryptSecret(stored));
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? Object.fromEntries(Object.entries(value))
    : null;
}

export async function loadMappedConnection(db: DB, connectionId: string): Promise<MappedConnection | null> {
  const row = await db.selectFrom("connections").selectAll().where("id", "=", connectionId).executeTakeFirst();
  if (!row) return null;
  const runs = await db
    .selectFrom("connection_runs")
    .selectAll()
    .where("connection_id", "=", connectionId)
    .orderBy("started_at")
    .orderBy("id")
    .execute();
  const errors = await db
    .selectFrom("connection_errors")
    .selectAll()
    .where("connection_id", "=", connectionId)
    .orderBy("errored_at")
    .orderBy("id")
    .execute();
  const columns = Object.fromEntries(CONNECTION_COLUMNS.map((column) => [column, row[column]]));
  return {
    ...(columns as Pick<typeof row, (typeof CONNECTION_COLUMNS)[number]>),
    tenantRef: row.tenant_id,
    credentials: credentialsOf(row.credentials_encrypted),
    runs: runs.map(({ id: _id, connection_id: _c, tenant_id: _t, ...run }) => run),
    errors: errors.map(
      ({ id: _id, connection_id: _c, tenant_id: _t, resolved_by: _r, resolution_note: _n, ...error }) => error,
    ),
  };
}
