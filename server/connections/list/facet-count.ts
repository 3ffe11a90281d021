// Facet counting over rows that each stand for `n` connections (summary rows, or single rows read
// for search and date filters): each facet counts the rows matching every filter except its own,
// so the menu shows what choosing a value would give.
import type { ConnectionFilters } from "./filters";
import { FACET_KEYS, type FacetKey, type FacetValue } from "./facets.types";
import type { TenantScope } from "../../scope/tenant-scope";

export interface DimRow {
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

/** The elements of a categories JSON array (a handful of distinct texts: parsed once each). */
function categoryValues(json: string, parsed?: Map<string, string[]>): string[] {
  const known = parsed?.get(json);
  if (known) return known;
  let out: string[] = [];
  try {
    const value: unknown = JSON.parse(json);
    if (Array.isArray(value)) out = value.filter((c): c is string => typeof c === "string");
  } catch {
    // not an array: no categories
  }
  parsed?.set(json, out);
  return out;
}

/** The values of one dimension a row contributes to (categories: each array element). */
export function rowValues(row: DimRow, key: FacetKey, parsed?: Map<string, string[]>): string[] {
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
    case "category":
      return categoryValues(row.categories, parsed);
    default:
      return [row[key]];
  }
}

/** The values a filter allows for one dimension, normalised like rowValues; undefined = any. */
export function allowed(filters: ConnectionFilters, key: FacetKey): Set<string> | undefined {
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
      // Intersected with the scope like the list's filter: another tenant's id matches nothing.
      return list(f.tenant);
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

export interface FacetTally {
  counts: Record<FacetKey, Map<string, number>>;
  /** rows matching every filter */
  total: number;
}

/**
 * One pass: a row counts towards a facet when every *other* filter passes, i.e. when it fails no
 * filter (counts everywhere) or fails only that facet's own filter.
 */
export function tallyFacets(rows: Iterable<DimRow>, filters: ConnectionFilters): FacetTally {
  const allow = FACET_KEYS.map((k) => allowed(filters, k));
  const counts = Object.fromEntries(FACET_KEYS.map((k) => [k, new Map<string, number>()])) as Record<
    FacetKey,
    Map<string, number>
  >;
  let total = 0;
  const parsed = new Map<string, string[]>();
  for (const row of rows) {
    const values = FACET_KEYS.map((k) => rowValues(row, k, parsed));
    const failed = FACET_KEYS.filter((_, i) => {
      const set = allow[i];
      return set !== undefined && !values[i]!.some((v) => set.has(v));
    });
    if (failed.length > 1) continue;
    const n = row.n;
    if (failed.length === 0) total += n;
    FACET_KEYS.forEach((k, i) => {
      if (failed.length === 1 && failed[0] !== k) return;
      const c = counts[k];
      for (const v of values[i]!) c.set(v, (c.get(v) ?? 0) + n);
    });
  }
  return { counts, total };
}

export async function labels(scope: TenantScope): Promise<Map<string, string>> {
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

/** The tally as the response lists it: labelled values, largest first. */
export function facetValues(tally: FacetTally, names: Map<string, string>): Record<FacetKey, FacetValue[]> {
  return Object.fromEntries(
    FACET_KEYS.map((k) => [
      k,
      [...tally.counts[k]]
        .map(([value, n]) => ({ value, label: labelFor(names, k, value), n }))
        .sort((a, b) => b.n - a.n || a.value.localeCompare(b.value)),
    ]),
  ) as Record<FacetKey, FacetValue[]>;
}
