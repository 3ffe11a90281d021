// Facet counts (per status, provider, tenant...) that follow the other filters: each facet
// counts the rows matching every filter except its own (facet-count.ts). With facet filters
// only, the counts come from the trigger-maintained summary: exact. A created range of whole
// days (with at most a tenant filter) comes from the per-day marginals (facet-created.ts):
// exact. Any other search, date range, tag or error group needs the rows themselves, read
// within a budget (facet-rows.ts): exact when that read saw every candidate, otherwise
// explicitly marked as lower bounds (a lone relative date filter still gets its exact total
// from the time buckets). No request reads more than the budget, whatever the filters.
import { sql } from "kysely";
import { activeFilterNames, type ConnectionFilters } from "./filters";
import { facetValues, labels, tallyFacets } from "./facet-count";
import { createdDays, createdTally } from "./facet-created";
import { facetPath, readFacetRows, type FacetRows } from "./facet-rows";
import { summaryTally } from "./facet-summary";
import { planSearch, scanPlan, SEARCH_PROBE_CAP, type SearchPlan } from "./search";
import { WALK_BUDGET } from "./search-budget";
import { FACET_SAMPLE_CAP, type FacetsResponse } from "./facets.types";
import type { TenantScope } from "../../scope/tenant-scope";
import { countExpiringWithin, countStale } from "../../home/time-window-counts";

const NON_FACET_FILTERS = [
  "q",
  "authExpiresWithinDays",
  "lastSyncOlderThanDays",
  "createdFrom",
  "createdTo",
  "errorGroup",
  "tag",
] as const;

const isSet = (v: unknown) => v !== undefined && v !== "" && !(Array.isArray(v) && v.length === 0);

/**
 * The exact total when the only filter is "auth expires within N days" or "last sync older than
 * N days" (time-window-counts.ts: whole buckets, then a minute of rows at each edge).
 */
async function windowTotal(scope: TenantScope, filters: ConnectionFilters, now: number, cap: number) {
  if (activeFilterNames(filters).length !== 1) return undefined;
  // The rows in the partial minutes at the edges are read too, at most `cap` (else no total).
  let n = NaN;
  if (filters.authExpiresWithinDays !== undefined)
    n = await countExpiringWithin(scope, filters.authExpiresWithinDays, now, cap);
  if (filters.lastSyncOlderThanDays !== undefined) n = await countStale(scope, filters.lastSyncOlderThanDays, now, cap);
  return Number.isNaN(n) ? undefined : n;
}

export async function connectionFacets(
  scope: TenantScope,
  filters: ConnectionFilters,
  now: number = Date.now(),
  rowCap: number = FACET_SAMPLE_CAP,
): Promise<FacetsResponse> {
  return (await countFacets(scope, filters, now, rowCap)).response;
}

/** Rows a relative date filter's exact total reads at most in each partial edge minute. */
const WINDOW_EDGE_CAP = 500;

/** Rows a search's facets walk first, before asking the index (the list's quick walk, search-page.ts). */
export const FACET_QUICK_WALK = 200;

/** Connections in the scope: the facet summary's sum (a few thousand summary rows at most). */
async function scopeTotal(scope: TenantScope): Promise<number> {
  const row = await scope
    .facetCounts()
    .select(sql<number | null>`sum(connection_facet_counts.n)`.as("n"))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/**
 * The plan for a search's facets without probing the index first: PostgreSQL's trigram probe of a
 * common term costs more than the whole budget. A short walk testing each row decides: it saw
 * every candidate (exact), or the term matches 1 row in 100 or more and, at that rate, more rows
 * of the scope than half the budget (common: walk the budget), or its matches are likely to fit
 * the budget: ask the index for an id list (exact counts when they do).
 */
async function searchPlan(
  scope: TenantScope,
  q: string,
  rowFilters: ConnectionFilters,
  now: number,
  rowCap: number,
): Promise<{ plan: SearchPlan; sample?: FacetRows; read: number }> {
  const scan = await scanPlan(scope, q);
  const budget = Math.min(FACET_QUICK_WALK, rowCap);
  const quick = await readFacetRows(scope, rowFilters, now, scan, { budget, limit: rowCap, direct: true });
  if (quick.complete) return { plan: scan, sample: quick, read: 0 };
  if (quick.rows.length * 100 >= quick.read) {
    const expected = (quick.rows.length / Math.max(1, quick.read)) * (await scopeTotal(scope));
    if (expected * 2 > rowCap) return { plan: scan, read: quick.read };
  }
  return { plan: await planSearch(scope, q, Math.min(rowCap, SEARCH_PROBE_CAP)), read: quick.read };
}

/**
 * connectionFacets, with how many connection rows it read (summary rows not counted, nor the
 * at most 2 × WINDOW_EDGE_CAP edge rows of a lone relative date filter's exact total).
 */
export async function countFacets(
  scope: TenantScope,
  filters: ConnectionFilters,
  now: number,
  rowCap: number,
): Promise<{ response: FacetsResponse; read: number }> {
  const response = (r: FacetsResponse, read: number) => ({ response: r, read });
  const names = labels(scope);
  if (!NON_FACET_FILTERS.some((k) => isSet(filters[k]))) {
    const tally = await summaryTally(scope, filters);
    const facets = facetValues(tally, await names);
    return response({ exact: true, cap: rowCap, total: tally.total, totalExact: true, facets }, 0);
  }
  // A created range in whole days (and at most a tenant filter): the per-day marginals, exact.
  const days = createdDays(filters);
  if (days) {
    const tally = await createdTally(scope, filters, days);
    const facets = facetValues(tally, await names);
    return response({ exact: true, cap: rowCap, total: tally.total, totalExact: true, facets }, 0);
  }
  const rowFilters: ConnectionFilters = Object.fromEntries(NON_FACET_FILTERS.map((k) => [k, filters[k]]));
  const search = filters.q ? await searchPlan(scope, filters.q, rowFilters, now, rowCap) : undefined;
  const plan = search?.plan;
  // Rows matching the non-facet filters, whatever their facet values, at most rowCap read.
  const sample =
    search?.sample ??
    (await readFacetRows(scope, rowFilters, now, plan, { budget: rowCap, limit: rowCap, direct: true }));
  const read = (search?.read ?? 0) + sample.read;
  const tally = tallyFacets(sample.rows.slice(0, rowCap), filters);
  const facets = facetValues(tally, await names);
  if (sample.complete)
    return response({ exact: true, cap: rowCap, total: tally.total, totalExact: true, facets }, read);
  // A lone relative date filter: the total exactly, from the home page's time buckets.
  const window = await windowTotal(scope, filters, now, Math.min(WINDOW_EDGE_CAP, rowCap));
  if (window !== undefined)
    return response({ exact: false, cap: rowCap, total: window, totalExact: true, facets }, read);
  // Already more than the cap fully matching: the total is "cap+" without another read.
  if (tally.total >= rowCap)
    return response({ exact: false, cap: rowCap, total: rowCap, totalExact: false, facets }, read);
  // A walk of the sample already examined every row a walk for the total would (same index,
  // same start, a budget at least as large): its fully matching rows are the best lower bound.
  const walk = { budget: Math.min(WALK_BUDGET, rowCap), limit: rowCap, direct: false };
  if (facetPath(rowFilters, now, plan, true).kind === "walk" && facetPath(filters, now, plan, false).kind === "walk")
    return response({ exact: false, cap: rowCap, total: tally.total, totalExact: false, facets }, read);
  // The sample ignored the facet filters (ids, or a membership table): count the fully filtered
  // rows up to the cap, within one walk's budget.
  const all = await readFacetRows(scope, filters, now, plan, walk);
  const total = Math.min(all.rows.length, rowCap);
  return response({ exact: false, cap: rowCap, total, totalExact: all.complete, facets }, read + all.read);
}
