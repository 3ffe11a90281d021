// Run requests, newest first and keyset-paged: a connection's (the Runs tab, REST) or every one the
// scope may see (a platform worker pulling pending work).
import { BadRequestError, NotFoundError } from "../errors";
import { decodeCursor, encodeCursor } from "../pagination/cursor";
import type { TenantScope } from "../scope/tenant-scope";
import { RUN_REQUEST_COLUMNS, toRunRequestView } from "./run-request-view";
import type { RunRequestView } from "./run-requests.types";

export interface RunRequestQuery {
  connectionId?: string;
  status?: "pending" | "fulfilled";
  limit: number;
  cursor?: string | null;
}

export async function listRunRequests(
  scope: TenantScope,
  query: RunRequestQuery,
): Promise<{ rows: RunRequestView[]; nextCursor: string | null }> {
  if (query.connectionId !== undefined) {
    const visible = await scope
      .connections()
      .select("connections.id")
      .where("connections.id", "=", query.connectionId)
      .executeTakeFirst();
    if (!visible) throw new NotFoundError();
  }
  let qb = scope.runRequests().select(RUN_REQUEST_COLUMNS);
  if (query.connectionId !== undefined) qb = qb.where("run_requests.connection_id", "=", query.connectionId);
  if (query.status !== undefined) qb = qb.where("run_requests.status", "=", query.status);
  if (query.cursor) {
    const { v, id } = decodeCursor(query.cursor);
    if (v === null) throw new BadRequestError("cursor: not a cursor this list produced; reload the first page.");
    qb = qb.where((eb) =>
      eb.or([
        eb("run_requests.requested_at", "<", v),
        eb.and([eb("run_requests.requested_at", "=", v), eb("run_requests.id", "<", id)]),
      ]),
    );
  }
  const rows = await qb
    .orderBy("run_requests.requested_at", "desc")
    .orderBy("run_requests.id", "desc")
    .limit(query.limit + 1)
    .execute();
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    rows: page.map(toRunRequestView),
    nextCursor: rows.length > query.limit && last ? encodeCursor({ v: last.requested_at, id: last.id }) : null,
  };
}
