// Test support: what the list's filters, search and sorts mean, written in plain TypeScript over
// fixture rows, independently of the SQL, so a property test can compare every plan with it.
import type { ConnectionFilters } from "./filters.types";
import type { SortColumn } from "./list.types";
import { normaliseSearchTerm } from "./search";

const DAY = 86_400_000;

/** The columns a reference check reads (a fixture row has them all). */
export interface ReferenceRow {
  id: string;
  tenant_id: string;
  tenant_name: string;
  name: string;
  provider: string;
  platform: string;
  status: string;
  environment?: string | null;
  categories?: string;
  external_xref?: string | null;
  source_id?: string | null;
  needs_relink?: number;
  user_paused?: number;
  platform_paused?: number;
  open_error_count?: number;
  auth_expires_at?: string | null;
  last_sync_at?: string | null;
  created_at: string;
  updated_at: string;
}

const iso = (ms: number) => new Date(ms).toISOString();
const startOf = (v: string) => (v.length === 10 ? `${v}T00:00:00.000Z` : new Date(v).toISOString());
const endOf = (v: string) => (v.length === 10 ? `${v}T23:59:59.999Z` : new Date(v).toISOString());
const anyOf = <T>(list: T[] | undefined, v: T) => !list?.length || list.includes(v);

export function searchMatches(row: ReferenceRow, q: string): boolean {
  const term = normaliseSearchTerm(q);
  if (term === "") return true;
  const text = `${row.id} ${row.name} ${row.external_xref ?? ""} ${row.provider} ${row.source_id ?? ""}`;
  return text.toLowerCase().includes(term) || row.tenant_name.toLowerCase().includes(term);
}

/** Whether a row passes every filter (the caller keeps to the rows its user may see). */
export function filtersMatch(row: ReferenceRow, f: ConnectionFilters, now: number): boolean {
  const categories = JSON.parse(row.categories ?? "[]") as string[];
  const env = (row.environment ?? "").toLowerCase();
  return (
    anyOf(f.status, row.status) &&
    anyOf(f.platform, row.platform) &&
    anyOf(f.provider, row.provider) &&
    anyOf(f.tenant, row.tenant_id) &&
    (!f.environment?.length || (row.environment != null && f.environment.some((e) => e.toLowerCase() === env))) &&
    (!f.category?.length || f.category.some((c) => categories.some((rc) => rc.toLowerCase() === c.toLowerCase()))) &&
    (f.needsRelink === undefined || row.needs_relink === (f.needsRelink ? 1 : 0)) &&
    (f.userPaused === undefined || row.user_paused === (f.userPaused ? 1 : 0)) &&
    (f.platformPaused === undefined || row.platform_paused === (f.platformPaused ? 1 : 0)) &&
    (f.hasActiveErrors === undefined || (row.open_error_count ?? 0) > 0 === f.hasActiveErrors) &&
    (f.authExpiresWithinDays === undefined ||
      (row.auth_expires_at != null &&
        row.auth_expires_at >= iso(now) &&
        row.auth_expires_at <= iso(now + f.authExpiresWithinDays * DAY))) &&
    (f.lastSyncOlderThanDays === undefined ||
      (row.last_sync_at != null && row.last_sync_at < iso(now - f.lastSyncOlderThanDays * DAY))) &&
    (!f.createdFrom || row.created_at >= startOf(f.createdFrom)) &&
    (!f.createdTo || row.created_at <= endOf(f.createdTo)) &&
    (!f.q || searchMatches(row, f.q))
  );
}

const cmp = <T extends string | number>(a: T, b: T) => (a < b ? -1 : a > b ? 1 : 0);

/** The list's order: the sort column (nulls last either way), ties by id in the same direction. */
export function sortRows<R extends ReferenceRow>(rows: R[], sort: SortColumn, dir: "asc" | "desc"): R[] {
  // Numbers (open_error_count) compare as numbers: 10 after 9.
  const key = (r: R): string | number | null => {
    const v: unknown = r[sort];
    return typeof v === "string" || typeof v === "number" ? v : null;
  };
  const sign = dir === "asc" ? 1 : -1;
  return [...rows].sort((a, b) => {
    const va = key(a);
    const vb = key(b);
    if (va === null || vb === null) return va === vb ? sign * cmp(a.id, b.id) : va === null ? 1 : -1;
    return sign * (cmp(va, vb) || cmp(a.id, b.id));
  });
}
