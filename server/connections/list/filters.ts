// Every connection-list filter, in one schema and one function, so that the list, the facet
// counts, the export and bulk actions ("all rows matching the current filter") agree on what
// a filter means. All conditions are SQL on indexed columns; nothing from the client is
// interpolated.
import { sql, type SelectQueryBuilder, type SqlBool } from "kysely";
import type { Database } from "../../../db/types";
import type { ConnectionFilters } from "./filters.types";
import type { TenantScope } from "../../scope/tenant-scope";
import { compilesToPostgres, searchCondition, searchPlanCondition, type SearchPlan } from "./search";

const DAY = 86_400_000;

export { ZConnectionFiltersSchema, type ConnectionFilters, type ConnectionFiltersInput } from "./filters.types";

type ConnectionsQuery<O> = SelectQueryBuilder<Database, "connections", O>;
type FilterColumn =
  | "status"
  | "platform"
  | "provider"
  | "tenant_id"
  | "needs_relink"
  | "user_paused"
  | "platform_paused"
  | "open_error_count"
  | "auth_expires_at"
  | "last_sync_at"
  | "created_at";
/**
 * SQLite: the one filter column whose own index may drive a read. Every sort index also holds
 * status, platform, provider, tenant and the flags (migration 0014), so walking it and testing
 * those from the index entry (~0.2 µs) beats reading a filter's matches row by row and sorting
 * them (2–15 µs a row); the others get a `+`. The tenant keeps its index: a tenant's own sort
 * indexes start with it.
 */
const INDEXED_FOR_FILTERS: ReadonlySet<FilterColumn> = new Set(["tenant_id"]);

const startOf = (v: string) => (v.length === 10 ? `${v}T00:00:00.000Z` : new Date(v).toISOString());
const endOf = (v: string) => (v.length === 10 ? `${v}T23:59:59.999Z` : new Date(v).toISOString());
const isoDaysFrom = (now: number, days: number) => new Date(now + days * DAY).toISOString();

/** A date filter as a range of its column, bounds as the column stores them (ISO text). */
export interface DateRange {
  column: "created_at" | "auth_expires_at" | "last_sync_at";
  /** inclusive lower bound, or none */
  from: string | null;
  /** upper bound, or none */
  to: string | null;
  /** the upper bound itself is outside the range */
  toExclusive: boolean;
}

/** The date filters that are set, as ranges (created first: an absolute window). */
export function dateRanges(f: ConnectionFilters, now: number): DateRange[] {
  const out: DateRange[] = [];
  if (f.createdFrom || f.createdTo)
    out.push({
      column: "created_at",
      from: f.createdFrom ? startOf(f.createdFrom) : null,
      to: f.createdTo ? endOf(f.createdTo) : null,
      toExclusive: false,
    });
  if (f.authExpiresWithinDays !== undefined)
    out.push({
      column: "auth_expires_at",
      from: new Date(now).toISOString(),
      to: isoDaysFrom(now, f.authExpiresWithinDays),
      toExclusive: false,
    });
  // "Older than N days": synced, and before now - N days (never-synced rows are not older).
  if (f.lastSyncOlderThanDays !== undefined)
    out.push({ column: "last_sync_at", from: null, to: isoDaysFrom(now, -f.lastSyncOlderThanDays), toExclusive: true });
  return out;
}

/**
 * Narrows a query that starts from scope.connections() to the rows matching
 * `filters`. Apply it before joining other tables. `now` is injectable for tests. `search`
 * is the plan planSearch chose for filters.q (the list and facets pass one); without it the
 * search reads every match through the index, which suits callers that read them all. `walk`:
 * the query reads a closed range of the `sort` column's index (a budgeted walk), so on SQLite
 * no other column may choose the index.
 */
export function applyConnectionFilters<O>(
  qb: ConnectionsQuery<O>,
  filters: ConnectionFilters,
  scope: TenantScope,
  now: number = Date.now(),
  sort?: string,
  search?: SearchPlan,
  walk: boolean = search?.kind === "scan",
): ConnectionsQuery<O> {
  let q = qb;
  const f = filters;
  // SQLite's planner prefers a filter's own index and then sorts every match (50,000 rows for
  // one provider: 250 ms) over walking the sort index and skipping non-matches (2 ms; the
  // filter columns are read from the index entry). A unary `+` takes a column out of index
  // selection, so the sort index serves the page; PostgreSQL chooses well by itself. The sorted column itself keeps its index. A search walk (a range
  // of the sort index closed at both ends, search-walk.ts) takes every filter column out, the
  // sorted one too (its IN list would replace the range), so the range bounds what is read.
  const sqlite = !compilesToPostgres(qb);
  const col = <T = string>(name: FilterColumn) =>
    sqlite && (walk || (sort !== name && !INDEXED_FOR_FILTERS.has(name)))
      ? sql<T>`+${sql.ref(`connections.${name}`)}`
      : sql<T>`${sql.ref(`connections.${name}`)}`;
  if (f.status?.length) q = q.where(col("status"), "in", f.status);
  if (f.platform?.length) q = q.where(col("platform"), "in", f.platform);
  if (f.provider?.length) q = q.where(col("provider"), "in", f.provider);
  // Intersected with the scope, never dropped: a tenant user naming another tenant matches nothing.
  if (f.tenant?.length) q = q.where(col("tenant_id"), "in", f.tenant);
  if (f.environment?.length) {
    const envs = f.environment.map((e) => e.toLowerCase());
    q = q.where(
      sqlite ? sql<string>`+lower(connections.environment)` : sql<string>`lower(connections.environment)`,
      "in",
      envs,
    );
  }
  if (f.category?.length) {
    // categories is a JSON array of strings; match a whole quoted element, case-insensitively.
    const cats = f.category;
    q = q.where((eb) =>
      eb.or(
        cats.map((c) => eb(sql<string>`lower(connections.categories)`, "like", `%${JSON.stringify(c.toLowerCase())}%`)),
      ),
    );
  }
  if (f.needsRelink !== undefined) q = q.where(col<number>("needs_relink"), "=", f.needsRelink ? 1 : 0);
  if (f.userPaused !== undefined) q = q.where(col<number>("user_paused"), "=", f.userPaused ? 1 : 0);
  if (f.platformPaused !== undefined) q = q.where(col<number>("platform_paused"), "=", f.platformPaused ? 1 : 0);
  if (f.hasActiveErrors !== undefined) q = q.where(col<number>("open_error_count"), f.hasActiveErrors ? ">" : "=", 0);
  for (const r of dateRanges(f, now)) {
    if (r.from !== null) q = q.where(col(r.column), ">=", r.from);
    if (r.to !== null) q = q.where(col(r.column), r.toExclusive ? "<" : "<=", r.to);
  }
  if (f.q) q = q.where(search ? searchPlanCondition(search, !sqlite) : searchCondition(q, f.q));
  // Operations (migration 0007): membership tables keyed by connection id; the outer query
  // keeps the tenant predicate, so these subqueries need none. In a walk the id is kept from
  // driving the read (SQLite would read every member, then sort).
  const id = sqlite && walk ? sql<string>`+connections.id` : sql<string>`connections.id`;
  if (f.errorGroup) {
    const group = f.errorGroup;
    // SQLite reads the members first and looks each up by id. PostgreSQL would rather walk the
    // sort index testing each row for membership, which for a small group in a million rows
    // reads most of the index: ARRAY(...) is computed once, so it fetches the members by
    // primary key and sorts them instead (cost bounded by the group's size).
    q = sqlite
      ? q.where(id, "in", (eb) =>
          eb
            .selectFrom("ops_error_group_connections")
            .select("ops_error_group_connections.connection_id")
            .where("ops_error_group_connections.group_id", "=", group)
            .where("ops_error_group_connections.active_n", ">", 0),
        )
      : q.where(
          sql<SqlBool>`connections.id = ANY(ARRAY(SELECT connection_id FROM ops_error_group_connections WHERE group_id = ${group} AND active_n > 0))`,
        );
  }
  if (f.tag?.length) {
    const keys = f.tag.map((t) => t.toLowerCase());
    q = q.where(id, "in", (eb) =>
      eb
        .selectFrom("connection_tags")
        .select("connection_tags.connection_id")
        .where("connection_tags.tag_key", "in", keys),
    );
  }
  return q;
}

/** Names of the filters that are set, for "these filters hide rows" messages. */
export function activeFilterNames(filters: ConnectionFilters): (keyof ConnectionFilters)[] {
  return (Object.keys(filters) as (keyof ConnectionFilters)[]).filter((k) => {
    const v = filters[k];
    return v !== undefined && v !== "" && !(Array.isArray(v) && v.length === 0);
  });
}
