// Substring search over id, name, external xref, provider and source id (an FTS5 trigram
// table on SQLite, a pg_trgm GIN index on PostgreSQL: see migration 2026-11-21-0002), plus
// tenant name (the tenants table is tiny). Never a LIKE '%term%' scan of all connections.
//
// Two plans, chosen per request by probing the index with a LIMIT (planSearch):
// - rare term (at most `cap` matches): the matching ids, as an explicit list; the page is a
//   handful of primary-key lookups and a small sort.
// - common term (more than `cap`): materialising every match (300,000 for `acme`) before
//   taking 25 in sort order costs seconds, so instead the sort index is walked in order and
//   each row is tested with the same substring predicate; with that many matches the walk
//   stops after a few hundred rows.
// Both match exactly the same rows: the searched text is the expression the index stores.
import { sql, type RawBuilder, type SelectQueryBuilder } from "kysely";
import type { TenantScope } from "../../scope/tenant-scope";
import { escapeLike } from "../../sql/like";
import { emptyTrace, ID_BUDGET, type SearchTrace } from "./search-budget";
import { indexHits } from "./search-index";

/** Past this many index matches a term counts as common and is tested row by row. */
export const SEARCH_PROBE_CAP = ID_BUDGET;

export type SearchPlan =
  /** every matching connection id (text or tenant-name match), at most the probe cap */
  | { kind: "ids"; ids: string[] }
  /**
   * more matches than the cap: test each row (substring, or one of these tenants). `sample`
   * holds the cap+1 matching ids the probe saw, for counts that may be lower bounds.
   */
  | { kind: "scan"; term: string; tenantIds: string[]; sample: string[] };

/** Lower-cased, whitespace-collapsed term, as stored in the search text. */
export function normaliseSearchTerm(raw: string): string {
  return raw.trim().toLowerCase().replace(/\s+/g, " ");
}

/**
 * Which SQL dialect a builder compiles to. The filter helper receives a query builder, not
 * the database, so it asks the builder's own compiler: PostgreSQL numbers its parameters.
 */
export function compilesToPostgres<DB, TB extends keyof DB, O>(qb: SelectQueryBuilder<DB, TB, O>): boolean {
  return /\$\d+/.test(qb.where(sql<boolean>`${1} = ${1}`).compile().sql);
}

/** The connection's searchable text, the same expression the migration indexes. */
const rowText = sql<string>`lower(connections.id || ' ' || connections.name || ' ' || coalesce(connections.external_xref, '') || ' ' || connections.provider || ' ' || coalesce(connections.source_id, ''))`;

/** The tenants (of those the scope sees) whose name contains the normalised term. */
export async function matchingTenantIds(scope: TenantScope, term: string): Promise<string[]> {
  const rows = await scope
    .tenants()
    .select("id")
    .where(sql<boolean>`lower(tenants.name) LIKE ${`%${escapeLike(term)}%`} ESCAPE '\\'`)
    .execute();
  return rows.map((t) => t.id);
}

/**
 * Asks the search index for at most cap+1 matches (within the read budget of search-index.ts)
 * and picks the plan. Tenant-name matches only count tenants the user may see (others are
 * filtered out by the scope anyway). `trace` collects what was read.
 */
export async function planSearch(
  scope: TenantScope,
  raw: string,
  cap: number = SEARCH_PROBE_CAP,
  trace: SearchTrace = emptyTrace(),
): Promise<SearchPlan> {
  const term = normaliseSearchTerm(raw);
  const [hits, tenantIds] = await Promise.all([indexHits(scope, term, cap + 1), matchingTenantIds(scope, term)]);
  trace.postings += hits.postings;
  trace.steps.push("probe");
  // Too common (or too short) to list within the budget: test rows as the sort index is walked.
  if (hits.ids === null) return { kind: "scan", term, tenantIds, sample: [] };
  const ids = new Set(hits.ids);
  if (ids.size <= cap && tenantIds.length > 0) {
    const own = await scope
      .connections()
      .select("id")
      .where("connections.tenant_id", "in", tenantIds)
      .limit(cap + 1)
      .execute();
    trace.postings += own.length;
    for (const r of own) ids.add(r.id);
  }
  if (ids.size > cap) return { kind: "scan", term, tenantIds, sample: [...ids] };
  return { kind: "ids", ids: [...ids] };
}

/** The WHERE condition for a plan; `postgres` says which dialect the query compiles to. */
export function searchPlanCondition(plan: SearchPlan, postgres: boolean): RawBuilder<boolean> {
  if (plan.kind === "ids") {
    if (plan.ids.length === 0) return sql<boolean>`1 = 0`;
    // One parameter, not thousands: a text[] on PostgreSQL, a JSON array on SQLite.
    return postgres
      ? sql<boolean>`connections.id = ANY(${plan.ids}::text[])`
      : sql<boolean>`connections.id IN (SELECT value FROM json_each(${JSON.stringify(plan.ids)}))`;
  }
  // strpos/instr, not LIKE: no index serves them, so the planner keeps walking the sort index.
  const text = postgres
    ? sql<boolean>`strpos(${rowText}, ${plan.term}) > 0`
    : sql<boolean>`instr(${rowText}, ${plan.term}) > 0`;
  if (plan.tenantIds.length === 0) return text;
  const tenants = sql.join(plan.tenantIds.map((t) => sql`${t}`));
  return sql<boolean>`(${text} OR connections.tenant_id IN (${tenants}))`;
}

/**
 * The plan-free condition, for callers that read every match anyway (export, bulk actions):
 * all ids the index finds, plus the rows of tenants whose name matches.
 */
export function searchCondition<DB, TB extends keyof DB, O>(
  qb: SelectQueryBuilder<DB, TB, O>,
  raw: string,
): RawBuilder<boolean> {
  const term = normaliseSearchTerm(raw);
  const tenants = sql`SELECT c2.id FROM connections c2 WHERE c2.tenant_id IN (SELECT t.id FROM tenants t WHERE lower(t.name) LIKE ${`%${escapeLike(term)}%`} ESCAPE '\\')`;
  if (compilesToPostgres(qb)) {
    // The view's text expression is the indexed expression, so the GIN trigram index serves it.
    return sql<boolean>`connections.id IN (SELECT s.id FROM connection_search s WHERE s.text LIKE ${`%${escapeLike(term)}%`} ESCAPE '\\' UNION ALL ${tenants})`;
  }
  const hit =
    term.length >= 3
      ? sql`SELECT id FROM connection_search WHERE connection_search MATCH ${`"${term.replace(/"/g, '""')}"`}`
      : sql`SELECT id FROM connection_search WHERE instr(text, ${term}) > 0`;
  return sql<boolean>`connections.id IN (${hit} UNION ALL ${tenants})`;
}
