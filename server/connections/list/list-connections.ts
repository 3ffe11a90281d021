import { applyConnectionFilters, type ConnectionFilters } from "./filters";
import { decodeCursor, encodeCursor } from "../../pagination/cursor";
import { cursorValue, readKeyset } from "./keyset";
import type { Cursor } from "../../pagination/cursor";
import { DEFAULT_SEARCH_BUDGET, emptyTrace, type SearchBudget, type SearchTrace } from "./search-budget";
import { readSearchRows } from "./search-page";
import { healthScore } from "../health-score";
import type { ConnectionListRow, ListConnectionsQuery, ListConnectionsResponse } from "./list.types";
import { toListRow } from "./list-row";
import { tagsFor } from "../../tags/connection-tags";
import { triagePage } from "./row-triage";
import type { SearchPlan } from "./search";
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
  const budget = probeCap === undefined ? DEFAULT_SEARCH_BUDGET : { ...DEFAULT_SEARCH_BUDGET, ids: probeCap };
  return (await readConnectionsPage(scope, input, now, budget)).page;
}

/**
 * listConnections with the search budget as a parameter, returning what the search read too
 * (the budget test and the benchmark read it).
 */
export async function readConnectionsPage(
  scope: TenantScope,
  input: ListConnectionsQuery,
  now: number,
  budget: SearchBudget = DEFAULT_SEARCH_BUDGET,
): Promise<{ page: ListConnectionsResponse; trace: SearchTrace }> {
  const trace = emptyTrace();
  const reverse = input.direction !== "forward";
  const cursor = input.direction === "last" || !input.cursor ? null : decodeCursor(input.cursor);
  const req = { sort: input.sort, dir: input.dir, cursor, reverse, limit: input.limit };
  const query = (search?: SearchPlan) => connectionListQuery(scope, input, now, input.sort, search);
  let fetched: Awaited<ReturnType<ReturnType<typeof query>["execute"]>>;
  let stoppedAt: Cursor | null = null;
  if (input.q) {
    // Bounded: a short walk, then the index for a rare term, then the rest of the walk.
    ({ rows: fetched, stoppedAt } = await readSearchRows(scope, input.q, req, budget, trace, query));
  } else {
    fetched = await readKeyset(query(), req);
  }
  const more = fetched.length > input.limit;
  const page = fetched.slice(0, input.limit);
  if (reverse) page.reverse();
  const listed: ConnectionListRow[] = page.map(toListRow);
  const [triage, tags] = await Promise.all([
    triagePage(scope, listed, now),
    tagsFor(
      scope,
      listed.map((r) => r.id),
    ),
  ]);
  const rows = listed.map((r) => ({
    ...r,
    health: triage.health.get(r.id) ?? healthScore({ ...r, failure_streak: 0 }, now),
    relink: triage.relink.get(r.id) ?? null,
    tags: tags.get(r.id) ?? [],
  }));

  const boundary = (row: ConnectionListRow | undefined) =>
    row ? encodeCursor({ v: cursorValue(row[input.sort]), id: row.id }) : null;
  // A walk that ran out of budget stopped at a row before (backward: after) the page's end:
  // the rows in between are known not to match, so the cursor on that side carries on from it.
  const stop = stoppedAt ? encodeCursor(stoppedAt) : null;
  const response: ListConnectionsResponse = reverse
    ? {
        rows,
        nextCursor: input.direction === "backward" ? (boundary(rows.at(-1)) ?? stop) : null,
        prevCursor: stop ?? (more ? boundary(rows[0]) : null),
      }
    : {
        rows,
        nextCursor: stop ?? (more ? boundary(rows.at(-1)) : null),
        prevCursor: cursor ? (boundary(rows[0]) ?? stop) : null,
      };
  if (stop) response.partial = true;
  return { page: response, trace };
}
