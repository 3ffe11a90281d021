// Facets for a created-date range from the per-day marginals (connection_created_facets,
// migration 0013): each facet's counts per value summed over the range's days, instead of reading
// the connections created in it. Exact when the range is whole UTC days (bare dates, both given,
// at most CREATED_DAYS_MAX of them) and no other filter applies but a tenant one (a column of the
// marginals); anything else reads rows.
import { sql } from "kysely";
import type { TenantScope } from "../../scope/tenant-scope";
import { allowed, type FacetTally } from "./facet-count";
import { elements } from "./facet-summary";
import { FACET_KEYS, type FacetKey } from "./facets.types";
import { activeFilterNames, type ConnectionFilters } from "./filters";

const isDay = (v: string | undefined): v is string => v !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(v);

/**
 * Days of marginals one request sums at most (~300 rows a day at a million connections, so
 * ~19,000 rows): a wider or open-ended range reads rows within the budget instead, labelled
 * lower bounds. Month roll-ups would lift this; not built.
 */
export const CREATED_DAYS_MAX = 62;

/** The filters' created range as days, when the marginals can answer them exactly and cheaply. */
export function createdDays(filters: ConnectionFilters): { from: string; to: string } | undefined {
  const { createdFrom, createdTo, tenant, ...rest } = filters;
  if (!isDay(createdFrom) || !isDay(createdTo)) return undefined;
  const days = (Date.parse(createdTo) - Date.parse(createdFrom)) / 86_400_000 + 1;
  if (days > CREATED_DAYS_MAX) return undefined;
  return activeFilterNames(rest).length > 0 ? undefined : { from: createdFrom, to: createdTo };
}

export async function createdTally(
  scope: TenantScope,
  filters: ConnectionFilters,
  days: { from: string; to: string },
): Promise<FacetTally> {
  const inRange = () =>
    scope
      .createdFacets()
      .where("connection_created_facets.n", ">", 0)
      .where("connection_created_facets.day", ">=", days.from)
      .where("connection_created_facets.day", "<=", days.to);
  const tenants = allowed(filters, "tenant");
  const filtered = tenants ? inRange().where("connection_created_facets.tenant_id", "in", [...tenants]) : inRange();
  const values = filtered
    .select([
      "connection_created_facets.facet as f",
      "connection_created_facets.value as v",
      sql<number>`sum(connection_created_facets.n)`.as("n"),
    ])
    .groupBy(["connection_created_facets.facet", "connection_created_facets.value"])
    .execute();
  // The tenant facet ignores its own filter: every connection counts once under "status".
  const perTenant = inRange()
    .where("connection_created_facets.facet", "=", "status")
    .select(["connection_created_facets.tenant_id as v", sql<number>`sum(connection_created_facets.n)`.as("n")])
    .groupBy("connection_created_facets.tenant_id")
    .execute();
  const [rows, byTenant] = await Promise.all([values, perTenant]);
  const counts = Object.fromEntries(FACET_KEYS.map((k) => [k, new Map<string, number>()])) as FacetTally["counts"];
  let total = 0;
  for (const r of rows) {
    const key = r.f as FacetKey;
    const c = counts[key];
    if (!c || key === "tenant") continue;
    const n = Number(r.n);
    if (key === "status") total += n;
    for (const v of key === "category" ? elements(r.v) : [r.v]) c.set(v, (c.get(v) ?? 0) + n);
  }
  for (const r of byTenant) counts.tenant.set(r.v, Number(r.n));
  return { counts, total };
}
