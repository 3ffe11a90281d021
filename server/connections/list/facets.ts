// Facet counts (per status, provider, tenant...) that follow the other filters: each facet
// counts the rows matching every filter except its own, so the menu shows what choosing a
// value would give. When only facet filters are set, counts come from the trigger-maintained
// summary table: exact, and a few thousand rows to read instead of a million. Search and
// date filters need the rows themselves: then up to FACET_SAMPLE_CAP matching rows are
// counted, exact below the cap and explicitly marked as lower bounds above it.
import { sql } from "kysely";
import { applyConnectionFilters, type ConnectionFilters } from "./filters";
import { planSearch, SEARCH_PROBE_CAP, type SearchPlan } from "./search";
import { FACET_KEYS, FACET_SAMPLE_CAP, type FacetKey, type FacetsResponse, type FacetValue } from "./facets.types";
import type { TenantScope } from "../../scope/tenant-scope";

interface DimRow {
  tenant_id: string;
  status: string;
  provider: string;
  platform: string;
  environment: string;
  categories: string;
  needs_relink: number;
  user_paused: number;
  platform_paused: number;
  has_errors: number;
  n: number;
}

const flag = (b: boolean) => (b ? "1" : "0");

/** The values of one dimension a row contributes to (categories: each array element). */
function rowValues(row: DimRow, key: FacetKey): string[] {
  switch (key) {
    case "tenant":
      return [row.tenant_id];
    case "needsRelink":
      return [String(row.needs_relink)];
    case "userPaused":
      return [String(row.user_paused)];
    case "platformPaused":
      return [String(row.platform_paused)];
    case "hasActiveErrors":
      return [String(row.has_errors)];
    case "category": {
      try {
        const parsed: unknown = JSON.parse(row.categories);
        return Array.isArray(parsed) ? parsed.filter((c): c is string => typeof c === "string") : [];
      } catch {
        return [];
      }
    }
    default:
      return [row[key]];
  }
}

/** The values a filter allows for one dimension, normalised like rowValues; undefined = any. */
function allowed(filters: ConnectionFilters, key: FacetKey, scope: TenantScope): Set<string> | undefined {
  const f = filters;
  const list = (v: string[] | undefined) => (v?.length ? new Set(v) : undefined);
  switch (key) {
    case "status":
      return list(f.status);
    case "provider":
      return list(f.provider);
    case "platform":
      return list(f.platform);
    case "environment":
      return list(f.environment?.map((e) => e.toLowerCase()));
    case "category":
      return list(f.category?.map((c) => c.toLowerCase()));
    case "tenant":
      return scope.allTenants ? list(f.tenant) : undefined;
    case "needsRelink":
      return f.needsRelink === undefined ? undefined : new Set([flag(f.needsRelink)]);
    case "userPaused":
      return f.userPaused === undefined ? undefined : new Set([flag(f.userPaused)]);
    case "platformPaused":
      return f.platformPaused === undefined ? undefined : new Set([flag(f.platformPaused)]);
    case "hasActiveErrors":
      return f.hasActiveErrors === undefined ? undefined : new Set([flag(f.hasActiveErrors)]);
  }
}

const NON_FACET_FILTERS = [
  "q",
  "authExpiresWithinDays",
  "lastSyncOlderThanDays",
  "createdFrom",
  "createdTo",
  "errorGroup",
  "tag",
] as const;

async function summaryRows(scope: TenantScope): Promise<DimRow[]> {
  const q = scope.facetCounts().selectAll().where("n", ">", 0);
  return q.execute();
}

function sampleQuery(scope: TenantScope, filters: ConnectionFilters, now: number, cap: number, search?: SearchPlan) {
  return applyConnectionFilters(scope.connections(), filters, scope, now, undefined, search)
    .select([
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
    ])
    .limit(cap + 1);
}

async function labels(scope: TenantScope): Promise<Map<string, string>> {
  const tenants = scope.tenants().select(["id", "name"]);
  const [t, i] = await Promise.all([
    tenants.execute(),
    scope.integrations().select(["provider", "display_name"]).execute(),
  ]);
  return new Map([
    ...t.map((r) => [`tenant:${r.id}`, r.name] as const),
    ...i.map((r) => [`provider:${r.provider}`, r.display_name] as const),
  ]);
}

function labelFor(names: Map<string, string>, key: FacetKey, value: string): string {
  if (key === "tenant" || key === "provider") return names.get(`${key}:${value}`) ?? value;
  if (key === "needsRelink" || key === "userPaused" || key === "platformPaused" || key === "hasActiveErrors")
    return value === "1" ? "Yes" : "No";
  if (key === "environment" && value === "") return "(none)";
  if (key === "status" || key === "platform") return value.charAt(0).toUpperCase() + value.slice(1);
  return value;
}

export async function connectionFacets(
  scope: TenantScope,
  filters: ConnectionFilters,
  now: number = Date.now(),
  rowCap: number = FACET_SAMPLE_CAP,
): Promise<FacetsResponse> {
  const needsRows = NON_FACET_FILTERS.some((k) => filters[k] !== undefined && filters[k] !== "");
  const rowFilters: ConnectionFilters = Object.fromEntries(NON_FACET_FILTERS.map((k) => [k, filters[k]]));
  // A search probes its index for at most SEARCH_PROBE_CAP matches. A common term (more than
  // that) is counted over the cap+1 matches the probe saw, with the cap lowered to match, so
  // the numbers are labelled lower bounds and no read goes past a few thousand rows.
  const probeCap = Math.min(rowCap, SEARCH_PROBE_CAP);
  const plan = filters.q ? await planSearch(scope, filters.q, probeCap) : undefined;
  const cap = plan?.kind === "scan" ? probeCap : rowCap;
  const search: SearchPlan | undefined = plan?.kind === "scan" ? { kind: "ids", ids: plan.sample } : plan;
  const [fetched, names] = await Promise.all([
    needsRows ? sampleQuery(scope, rowFilters, now, cap, search).execute() : summaryRows(scope),
    labels(scope),
  ]);
  const sampled = plan?.kind === "scan";
  const exact = !sampled && fetched.length <= cap;
  const rows = fetched.slice(0, cap);
  const allow = FACET_KEYS.map((k) => allowed(filters, k, scope));
  const facets = Object.fromEntries(FACET_KEYS.map((k) => [k, new Map<string, number>()])) as Record<
    FacetKey,
    Map<string, number>
  >;
  let total = 0;
  // One pass: a row counts towards a facet when every *other* filter passes, i.e. when it
  // fails no filter (counts everywhere) or fails only that facet's own filter.
  for (const row of rows) {
    const values = FACET_KEYS.map((k) => rowValues(row, k));
    const failed = FACET_KEYS.filter((_, i) => {
      const set = allow[i];
      return set !== undefined && !values[i]!.some((v) => set.has(v));
    });
    if (failed.length > 1) continue;
    const n = row.n;
    if (failed.length === 0) total += n;
    FACET_KEYS.forEach((k, i) => {
      if (failed.length === 1 && failed[0] !== k) return;
      const counts = facets[k];
      for (const v of values[i]!) counts.set(v, (counts.get(v) ?? 0) + n);
    });
  }
  const out = Object.fromEntries(
    FACET_KEYS.map((k) => [
      k,
      [...facets[k]]
        .map(([value, n]) => ({ value, label: labelFor(names, k, value), n }))
        .sort((a, b) => b.n - a.n || a.value.localeCompare(b.value)),
    ]),
  ) as Record<FacetKey, FacetValue[]>;
  if (exact) return { exact, cap, total, totalExact: true, facets: out };
  // Already more than cap fully matching rows in hand (a plain common search): no second read.
  const extra = fetched[cap];
  if (
    total >= cap &&
    extra &&
    FACET_KEYS.every((k, i) => allow[i] === undefined || rowValues(extra, k).some((v) => allow[i]!.has(v)))
  ) {
    return { exact, cap, total: cap, totalExact: false, facets: out };
  }
  // The sample ignored the facet filters (and, for a common term, saw only cap+1 matches):
  // count the fully filtered rows up to the cap, testing a common term row by row.
  const capped = await sampleQuery(scope, filters, now, cap, plan).execute();
  return { exact, cap, total: Math.min(capped.length, cap), totalExact: capped.length <= cap, facets: out };
}
