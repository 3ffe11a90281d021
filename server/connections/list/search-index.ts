// Matching ids straight from the search index, within a read budget, each one rechecked against
// the exact substring rule (the index only narrows). Returns null when the term cannot be
// answered from the index within the budget: then it is common (or too short for trigrams)
// and the caller walks the sort index instead.
//
// SQLite (FTS5 trigram): a phrase query merges the position lists of every trigram of the
// term, and for `globex-cust-38285` the trigrams `cus`, `ust`, `st-` are in 800,000 rows each:
// 150-300 ms. Instead each trigram's postings are counted up to TRIGRAM_PROBE_LIMIT (a LIMIT
// inside the count, so a common trigram costs no more than a rare one), and only the rarest
// ones are asked, with an `instr` recheck on the stored text. Nothing is maintained on write.
// PostgreSQL (pg_trgm GIN): the planner already intersects the trigram posting lists.
import { sql, type RawBuilder } from "kysely";
import type { TenantScope } from "../../scope/tenant-scope";
import { escapeLike } from "../../sql/like";
import { TRIGRAM_PROBE_LIMIT, TRIGRAMS_PROBED } from "./search-budget";
import { ftsPhrase, spreadTrigrams, termTrigrams } from "./trigrams";

export interface IndexHits {
  /** up to `limit` matching ids; null: not answerable within the budget */
  ids: string[] | null;
  /** index postings (or search rows) read, an upper bound */
  postings: number;
}

/** Rarest trigrams intersected when fetching candidates. */
const RAREST_USED = 3;

/** A count as one text "id" (the scope's index door reads ids; a count is no more than that). */
async function countAsId(scope: TenantScope, query: RawBuilder<{ id: string }>): Promise<number[]> {
  const [row] = await scope.unscopedSearchIndexIds(query);
  return (row ?? "").split(",").map(Number);
}

/** Terms of one or two characters have no trigram: scan the search rows if there are few. */
async function shortTermHits(scope: TenantScope, term: string, limit: number): Promise<IndexHits> {
  const [rows = Infinity] = await countAsId(
    scope,
    sql<{
      id: string;
    }>`SELECT CAST(count(*) AS TEXT) AS id FROM (SELECT 1 FROM connection_search LIMIT ${limit + 1}) x`,
  );
  if (rows > limit) return { ids: null, postings: rows };
  const ids = await scope.unscopedSearchIndexIds(
    scope.postgres
      ? sql<{ id: string }>`SELECT s.id FROM connection_search s WHERE strpos(s.text, ${term}) > 0`
      : sql<{ id: string }>`SELECT id FROM connection_search WHERE instr(text, ${term}) > 0`,
  );
  return { ids, postings: 2 * rows };
}

async function sqliteHits(scope: TenantScope, term: string, limit: number): Promise<IndexHits> {
  const probed = spreadTrigrams(termTrigrams(term), TRIGRAMS_PROBED);
  const counts = await countAsId(
    scope,
    sql<{ id: string }>`SELECT CAST(${sql.join(
      probed.map(
        (t) =>
          sql`(SELECT count(*) FROM (SELECT 1 FROM connection_search WHERE connection_search MATCH ${ftsPhrase(t)} LIMIT ${TRIGRAM_PROBE_LIMIT + 1}))`,
      ),
      sql` || ',' || `,
    )} AS TEXT) AS id`,
  );
  let postings = counts.reduce((a, b) => a + b, 0);
  const ranked = probed.map((t, i) => ({ t, n: counts[i] ?? Infinity })).sort((a, b) => a.n - b.n);
  const rarest = ranked[0];
  if (!rarest || rarest.n > TRIGRAM_PROBE_LIMIT) return { ids: null, postings };
  // FTS5 intersects by seeking each list to the rarest one's rowids: bounded by its length.
  const used = ranked.slice(0, RAREST_USED);
  postings += rarest.n * used.length;
  const ids = await scope.unscopedSearchIndexIds(
    sql<{
      id: string;
    }>`SELECT id FROM connection_search WHERE connection_search MATCH ${used.map((u) => ftsPhrase(u.t)).join(" AND ")} AND instr(text, ${term}) > 0 LIMIT ${limit}`,
  );
  return { ids, postings };
}

/** Up to `limit` ids whose searchable text contains `term` (already normalised). */
export async function indexHits(scope: TenantScope, term: string, limit: number): Promise<IndexHits> {
  if ([...term].length < 3) return shortTermHits(scope, term, limit);
  if (!scope.postgres) return sqliteHits(scope, term, limit);
  const like = `%${escapeLike(term)}%`;
  const ids = await scope.unscopedSearchIndexIds(
    sql<{ id: string }>`SELECT s.id FROM connection_search s WHERE s.text LIKE ${like} ESCAPE '\\' LIMIT ${limit}`,
  );
  return { ids, postings: ids.length };
}
