// The audit page's query string: parsed once here for the page, its paging links and the CSV link.
// A filter that does not parse is dropped (the page shows everything) rather than failing the page.
import { ZAuditFiltersSchema, type AuditFilters } from "./list.types";

const FILTER_KEYS = ["actor", "action", "tenantId", "connectionId", "from", "to"] as const;

type RawSearchParams = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export function parseAuditSearchParams(raw: RawSearchParams): {
  filters: AuditFilters;
  cursor: string | null;
  /** false when some filter was not understood and was ignored */
  understood: boolean;
} {
  const parsed = ZAuditFiltersSchema.safeParse(Object.fromEntries(FILTER_KEYS.map((k) => [k, one(raw[k])])));
  return { filters: parsed.success ? parsed.data : {}, cursor: one(raw.cursor) ?? null, understood: parsed.success };
}

/** The filters as query-string pairs, for the CSV link and the paging links. */
export function auditFilterParams(filters: AuditFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  return params;
}
