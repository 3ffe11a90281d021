import { applyConnectionFilters, type ConnectionFilters } from "./filters";
import { decodeCursor, encodeCursor } from "../../pagination/cursor";
import { readKeyset } from "./keyset";
import type { ConnectionListRow, ListConnectionsQuery, ListConnectionsResponse } from "./list.types";
import { toListRow } from "./list-row";
import { planSearch, type SearchPlan } from "./search";
import type { TenantScope } from "../../scope/tenant-scope";

/** The list's rows (named columns, never credentials) for a user and filters, unsorted. */
export function connectionListQuery(
  scope: TenantScope,
  filters: ConnectionFilters,
  now: number = Date.now(),
  sort?: string,
  search?: SearchPlan,
) {
  return applyConnectionFilters(scope.connections(), filters, scope, now, sort, search)
    .innerJoin("tenants", "tenants.id", "connections.tenant_id")
    .select([
      "connections.id",
      "connections.tenant_id",
      "tenants.name as tenant_name",
      "connections.platform",
      "connections.platform_id",
      "connections.name",
      "connections.provider",
      "connections.integration_name",
      "connections.status",
      "connections.needs_relink",
      "connections.user_paused",
      "connections.platform_paused",
      "connections.environment",
      "connections.external_xref",
      "connections.link_url",
      "connections.auth_expires_at",
      "connections.last_sync_at",
      "connections.last_run_status",
      "connections.last_run_at",
      "connections.open_error_count",
      "connections.created_at",
      "connections.updated_at",
      "connections.version",
    ]);
}

/** One page of the connections a user may see, filtered and sorted on the server. */
export async function listConnections(
  scope: TenantScope,
  input: ListConnectionsQuery,
  now: number = Date.now(),
  probeCap?: number,
): Promise<ListConnectionsResponse> {
  // A search first probes its index: rare terms become an id list, common ones a row test.
  const search = input.q ? await planSearch(scope, input.q, probeCap) : undefined;
  const base = connectionListQuery(scope, input, now, input.sort, search);

  const reverse = input.direction !== "forward";
  const cursor = input.direction === "last" || !input.cursor ? null : decodeCursor(input.cursor);
  const fetched = await readKeyset(base, { sort: input.sort, dir: input.dir, cursor, reverse, limit: input.limit });
  const more = fetched.length > input.limit;
  const page = fetched.slice(0, input.limit);
  if (reverse) page.reverse();
  const rows: ConnectionListRow[] = page.map(toListRow);

  const boundary = (row: ConnectionListRow | undefined) =>
    row ? encodeCursor({ v: row[input.sort], id: row.id }) : null;
  // Forward: a previous page exists iff we started from a cursor. Backward: the mirror image.
  const hasPrev = reverse ? more : Boolean(cursor);
  const hasNext = reverse ? input.direction === "backward" : more;
  return {
    rows,
    nextCursor: hasNext ? boundary(rows.at(-1)) : null,
    prevCursor: hasPrev ? boundary(rows[0]) : null,
  };
}
