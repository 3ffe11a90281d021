// The relink ledger: who created which link, for whom, and what became of it, per connection
// or across connections (newest first, keyset-paged on created_at + id).
import { BadRequestError, NotFoundError } from "../errors";
import { nowIso } from "../ids";
import { linkState, whereLinkState, type LinkState } from "./link-state";
import type { LedgerRow } from "./relink.types";
import type { TenantScope } from "../scope/tenant-scope";
import { decodeCursor, encodeCursor } from "../pagination/cursor";

export interface LedgerQuery {
  state?: LinkState | null;
  connectionId?: string | null;
  batchId?: string | null;
  limit: number;
  cursor?: string | null;
}

function decodeLedgerCursor(raw: string): { createdAt: string; id: string } {
  const { v, id } = decodeCursor(raw);
  if (v === null) throw new BadRequestError("cursor: not a cursor this list produced; reload the first page.");
  return { createdAt: v, id };
}

const encodeLedgerCursor = (row: { created_at: string; id: string }) => encodeCursor({ v: row.created_at, id: row.id });

export async function listRelinkLedger(
  scope: TenantScope,
  query: LedgerQuery,
): Promise<{ rows: LedgerRow[]; nextCursor: string | null }> {
  const now = nowIso();
  let qb = scope
    .links()
    .innerJoin("connections", "connections.id", "relink_links.connection_id")
    .innerJoin("tenants", "tenants.id", "relink_links.tenant_id")
    .leftJoin("users as creator", "creator.id", "relink_links.created_by")
    .leftJoin("users as revoker", "revoker.id", "relink_links.revoked_by")
    .select([
      "relink_links.id",
      "relink_links.connection_id",
      "connections.name as connection_name",
      "relink_links.tenant_id",
      "tenants.name as tenant_name",
      "relink_links.created_at",
      "relink_links.expires_at",
      "relink_links.sent_to",
      "relink_links.opened_at",
      "relink_links.used_at",
      "relink_links.revoked_at",
      "relink_links.batch_id",
      "relink_links.sent_at",
      "relink_links.send_error",
      (eb) => eb.fn.coalesce("creator.email", "relink_links.created_by").as("created_by"),
      (eb) => eb.fn.coalesce("revoker.email", "relink_links.revoked_by").as("revoked_by"),
    ]);
  if (query.state) qb = qb.where(whereLinkState(query.state, now));
  if (query.connectionId) qb = qb.where("relink_links.connection_id", "=", query.connectionId);
  if (query.batchId) qb = qb.where("relink_links.batch_id", "=", query.batchId);
  if (query.cursor) {
    const c = decodeLedgerCursor(query.cursor);
    qb = qb.where((eb) =>
      eb.or([
        eb("relink_links.created_at", "<", c.createdAt),
        eb.and([eb("relink_links.created_at", "=", c.createdAt), eb("relink_links.id", "<", c.id)]),
      ]),
    );
  }
  const rows = await qb
    .orderBy("relink_links.created_at", "desc")
    .orderBy("relink_links.id", "desc")
    .limit(query.limit + 1)
    .execute();
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    rows: page.map((r) => ({ ...r, state: linkState(r, now) })),
    nextCursor: rows.length > query.limit && last ? encodeLedgerCursor(last) : null,
  };
}

/** One connection's ledger; NOT_FOUND when the user may not see the connection. */
export async function connectionRelinkLedger(scope: TenantScope, connectionId: string): Promise<LedgerRow[]> {
  const visible = await scope
    .connections()
    .select("connections.id")
    .where("connections.id", "=", connectionId)
    .executeTakeFirst();
  if (!visible) throw new NotFoundError();
  return (await listRelinkLedger(scope, { connectionId, limit: 200 })).rows;
}
