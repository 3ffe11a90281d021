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
// A term of 3+ characters also finds connections with an active error whose group (status code
// or message shape: migration 0007's error groups, a small catalogue) contains it, so
// `invalid_grant` or `401` finds the connections failing that way; the error text is not added
// to the trigram index.
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
  | { kind: "scan"; term: string; tenantIds: string[]; sample: string[]; errors?: boolean };

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

/** Error groups (the shared catalogue of shapes) whose status code or message shape contains the term. */
const matchingGroups = (term: string) => {
  const like = `%${escapeLike(term)}%`;
  return sql`SELECT e.id FROM ops_error_groups e WHERE lower(e.shape) LIKE ${like} ESCAPE '\\' OR lower(coalesce(e.status_code, '')) LIKE ${like} ESCAPE '\\'`;
};

/**
 * The connections with an active error of a matching group: a set read once per query (a term
 * stands for a group per provider, ~40 shapes each), not lookups for every row a walk examines.
 */
const inErrorGroups = (term: string) =>
  sql<boolean>`connections.id IN (SELECT g.connection_id FROM ops_error_group_connections g WHERE g.active_n > 0 AND g.group_id IN (${matchingGroups(term)}))`;

/** Whether a term (3+ characters) names an error group the scope has active errors in. */
export async function errorGroupsMatch(scope: TenantScope, term: string): Promise<boolean> {
  if ([...term].length < 3) return false;
  const row = await scope
    .opsErrorGroupTenants()
    .select("ops_error_group_tenants.group_id")
    .where("ops_error_group_tenants.active_n", ">", 0)
    .where(sql<boolean>`ops_error_group_tenants.group_id IN (${matchingGroups(term)})`)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * The row-test plan for a term, with no probe of the search index: the tenants whose name holds
 * it and whether it names an error group. Walks start from it; planSearch builds on it.
 */
export async function scanPlan(scope: TenantScope, raw: string): Promise<Extract<SearchPlan, { kind: "scan" }>> {
  const term = normaliseSearchTerm(raw);
  const [tenantIds, errors] = await Promise.all([matchingTenantIds(scope, term), errorGroupsMatch(scope, term)]);
  return { kind: "scan", term, tenantIds, sample: [], errors };
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
  const { term, tenantIds, errors } = await scanPlan(scope, raw);
  // A term naming a tenant with more rows than the cap (`acme`) is common whatever the index
  // says: its rows, read from the tenant index, settle it without probing the search index
  // (on PostgreSQL that probe reads 8,000 rows containing the term: ~100 ms).
  const own =
    tenantIds.length > 0
      ? await scope
          .connections()
          .select("id")
          .where("connections.tenant_id", "in", tenantIds)
          .limit(cap + 1)
          .execute()
      : [];
  trace.postings += own.length;
  if (own.length > cap) return { kind: "scan", term, tenantIds, sample: own.map((r) => r.id), errors };
  const hits = await indexHits(scope, term, cap + 1);
  trace.postings += hits.postings;
  trace.steps.push("probe");
  // Too common (or too short) to list within the budget: test rows as the sort index is walked.
  if (hits.ids === null) return { kind: "scan", term, tenantIds, sample: [], errors };
  const ids = new Set(hits.ids);
  if (ids.size <= cap && errors) {
    const failing = await scope
      .connections()
      .select("id")
      .where(inErrorGroups(term))
      .limit(cap + 1)
      .execute();
    trace.postings += failing.length;
    for (const r of failing) ids.add(r.id);
  }
  for (const r of own) ids.add(r.id);
  if (ids.size > cap) return { kind: "scan", term, tenantIds, sample: [...ids], errors };
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
  const errors = plan.errors ? sql<boolean>` OR ${inErrorGroups(plan.term)}` : sql``;
  if (plan.tenantIds.length === 0) return sql<boolean>`(${text}${errors})`;
  const tenants = sql.join(plan.tenantIds.map((t) => sql`${t}`));
  return sql<boolean>`(${text} OR connections.tenant_id IN (${tenants})${errors})`;
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
  const like = `%${escapeLike(term)}%`;
  // Rows of tenants whose name matches, and (3+ characters) rows with an active error of a matching group.
  const others = sql`SELECT c2.id FROM connections c2 WHERE c2.tenant_id IN (SELECT t.id FROM tenants t WHERE lower(t.name) LIKE ${like} ESCAPE '\\')${
    [...term].length >= 3
      ? sql` UNION ALL SELECT g.connection_id FROM ops_error_group_connections g WHERE g.active_n > 0 AND g.group_id IN (${matchingGroups(term)})`
      : sql``
  }`;
  if (compilesToPostgres(qb)) {
    // The view's text expression is the indexed expression, so the GIN trigram index serves it.
    return sql<boolean>`connections.id IN (SELECT s.id FROM connection_search s WHERE s.text LIKE ${`%${escapeLike(term)}%`} ESCAPE '\\' UNION ALL ${others})`;
  }
  const hit =
    term.length >= 3
      ? sql`SELECT id FROM connection_search WHERE connection_search MATCH ${`"${term.replace(/"/g, '""')}"`}`
      : sql`SELECT id FROM connection_search WHERE instr(text, ${term}) > 0`;
  return sql<boolean>`connections.id IN (${hit} UNION ALL ${others})`;
}
