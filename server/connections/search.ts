// Substring search over id, name, external xref, provider and source id (an FTS5 trigram
// table on SQLite, a pg_trgm GIN index on PostgreSQL: see migration 2026-11-21-0002), plus
// tenant name (the tenants table is tiny). Never a LIKE '%term%' scan of connections.
import { sql, type RawBuilder, type SelectQueryBuilder } from "kysely";

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

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export function searchCondition<DB, TB extends keyof DB, O>(qb: SelectQueryBuilder<DB, TB, O>, raw: string): RawBuilder<boolean> {
  const term = normaliseSearchTerm(raw);
  const tenants = sql`SELECT c2.id FROM connections c2 WHERE c2.tenant_id IN (SELECT t.id FROM tenants t WHERE lower(t.name) LIKE ${`%${escapeLike(term)}%`} ESCAPE '\\')`;
  if (compilesToPostgres(qb)) {
    // The view's text expression is the indexed expression, so the GIN trigram index serves it.
    return sql<boolean>`connections.id IN (SELECT s.id FROM connection_search s WHERE s.text LIKE ${`%${escapeLike(term)}%`} ESCAPE '\\' UNION ALL ${tenants})`;
  }
  // FTS5 trigram: a quoted phrase matches any substring of three or more characters; shorter
  // terms have no trigram, so they fall back to a scan of the (narrow) search table.
  const hit =
    term.length >= 3
      ? sql`SELECT id FROM connection_search WHERE connection_search MATCH ${`"${term.replace(/"/g, '""')}"`}`
      : sql`SELECT id FROM connection_search WHERE instr(text, ${term}) > 0`;
  return sql<boolean>`connections.id IN (${hit} UNION ALL ${tenants})`;
}
