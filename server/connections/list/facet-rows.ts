// The connection rows facet counts are tallied from when a filter is not a summary dimension
// (facet-summary.ts serves the others): a search, a date range, a tag or an error group. They
// are read within a budget along one access path:
// - a rare term's id list (at most the search's id budget);
// - a date range, walked from its start along the column's index;
// - one tag or error group alone, read through its membership table;
// - otherwise (a common term, several memberships) the updated_at index, walked.
// `complete` says the read saw every candidate, so counts from it are exact; otherwise they
// are lower bounds, and the response says so.
import { sql } from "kysely";
import { applyConnectionFilters, dateRanges, type ConnectionFilters, type DateRange } from "./filters";
import type { DimRow } from "./facet-count";
import type { SearchPlan } from "./search";
import { walkKeyset } from "./search-walk";
import type { Cursor } from "../../pagination/cursor";
import type { TenantScope } from "../../scope/tenant-scope";

export interface FacetRows {
  rows: DimRow[];
  /** every row that could match was read */
  complete: boolean;
  /** connection rows read (index walks: the range walked) */
  read: number;
}

type Path = { kind: "ids" } | { kind: "member" } | { kind: "walk"; range: DateRange | null };

/** The cheapest bounded path for `filters` (see the top of this file). */
export function facetPath(
  filters: ConnectionFilters,
  now: number,
  plan: SearchPlan | undefined,
  direct: boolean,
): Path {
  if (plan?.kind === "ids") return { kind: "ids" };
  const ranges = dateRanges(filters, now);
  if (ranges[0]) return { kind: "walk", range: ranges[0] };
  const members = (filters.errorGroup ? 1 : 0) + (filters.tag?.length ? 1 : 0);
  if (direct && !plan && members === 1) return { kind: "member" };
  return { kind: "walk", range: null };
}

function dimQuery(
  scope: TenantScope,
  filters: ConnectionFilters,
  now: number,
  plan: SearchPlan | undefined,
  walk?: string,
) {
  return applyConnectionFilters(scope.connections(), filters, scope, now, walk, plan, walk !== undefined).select([
    "connections.tenant_id",
    "connections.status",
    "connections.provider",
    "connections.platform",
    sql<string>`lower(coalesce(connections.environment, ''))`.as("environment"),
    sql<string>`lower(connections.categories)`.as("categories"),
    "connections.needs_relink",
    "connections.user_paused",
    "connections.platform_paused",
    sql<number>`CASE WHEN connections.open_error_count > 0 THEN 1 ELSE 0 END`.as("has_errors"),
    sql<number>`1`.as("n"),
  ]);
}

/** Whether a walk that stopped at `at` has passed the end of `range` (so saw all of it). */
function passed(range: DateRange, at: Cursor): boolean {
  if (at.v === null) return true; // into the nulls, which no date range holds
  if (range.to === null) return false;
  return range.toExclusive ? at.v >= range.to : at.v > range.to;
}

/**
 * Rows matching `filters`, at most `limit` of them plus one (to tell "more"), reading at most
 * `budget` rows on a walk. `direct`: a lone tag or error group may be read through its table.
 */
export async function readFacetRows(
  scope: TenantScope,
  filters: ConnectionFilters,
  now: number,
  plan: SearchPlan | undefined,
  opts: { budget: number; limit: number; direct: boolean },
): Promise<FacetRows> {
  const path = facetPath(filters, now, plan, opts.direct);
  if (path.kind !== "walk") {
    const rows = await dimQuery(scope, filters, now, plan)
      .limit(opts.limit + 1)
      .execute();
    return { rows, complete: rows.length <= opts.limit, read: rows.length };
  }
  const range = path.range;
  const sort = range?.column ?? "updated_at";
  const cursor: Cursor | null = range?.from ? { v: range.from, id: "" } : null;
  const walk = await walkKeyset(
    scope,
    dimQuery(scope, filters, now, plan, sort),
    { sort, dir: range ? "asc" : "desc", cursor, reverse: false, limit: opts.limit },
    opts.budget,
  );
  const complete = walk.stoppedAt === null || (range !== null && passed(range, walk.stoppedAt));
  return { rows: walk.rows, complete: complete && walk.rows.length <= opts.limit, read: walk.examined };
}
