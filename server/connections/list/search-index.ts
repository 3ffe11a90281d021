// Matching ids straight from the search index, within a read budget, each one rechecked against
// the exact substring rule (the index only narrows). Returns null when the term cannot be
// answered from the index within the budget: then it is common (or too short, or has nothing
// the index can look up) and the caller walks the sort index instead.
//
// SQLite (FTS5 trigram): a phrase query merges the position lists of every trigram of the
// term, and for `globex-cust-38285` the trigrams `cus`, `ust`, `st-` are in 800,000 rows each:
// 150-300 ms. Instead each trigram's postings are counted, with a LIMIT inside the count so a
// common trigram costs no more than a rare one (first up to 1,024, then up to 8,192), and only
// the rarest ones are intersected, with an `instr` recheck on the stored text. The
// intersection seeks through the other lists at the rarest one's rowids: bounded by its count.
// PostgreSQL (pg_trgm GIN): the same term as one LIKE makes GIN intersect every trigram's
// posting list, padded word-boundary ones included (250-350 ms at a million rows); the most
// distinctive run of letters and digits alone (digits first, then the longest) is 15-30 ms.
// Its candidates are read at most CANDIDATE_LIMIT at a time and rechecked with strpos.
import { sql, type RawBuilder } from "kysely";
import type { TenantScope } from "../../scope/tenant-scope";
import { escapeLike } from "../../sql/like";
import { CANDIDATE_LIMIT, PROBE_ROUNDS, RAREST_USED, SECOND_ROUND, TRIGRAMS_PROBED } from "./search-budget";
import { byLikelyRarity, ftsPhrase, spreadTrigrams, termTrigrams } from "./trigrams";

export interface IndexHits {
  /** up to `limit` matching ids; null: not answerable within the budget */
  ids: string[] | null;
  /** index postings (or search rows) read, an upper bound */
  postings: number;
}

/** One JSON document as the single text "id" the scope's index door reads. */
async function readJson(scope: TenantScope, query: RawBuilder<{ id: string }>): Promise<unknown> {
  const [row] = await scope.unscopedSearchIndexIds(query);
  return JSON.parse(row ?? "null");
}

const isNumberList = (v: unknown): v is number[] => Array.isArray(v) && v.every((x) => typeof x === "number");

/** Terms of one or two characters have no trigram: scan the search rows if there are few. */
async function shortTermHits(scope: TenantScope, term: string, limit: number): Promise<IndexHits> {
  const [row] = await scope.unscopedSearchIndexIds(
    sql<{
      id: string;
    }>`SELECT CAST(count(*) AS TEXT) AS id FROM (SELECT 1 FROM connection_search LIMIT ${limit + 1}) x`,
  );
  const rows = Number(row ?? Infinity);
  if (rows > limit) return { ids: null, postings: Math.min(rows, limit + 1) };
  const ids = await scope.unscopedSearchIndexIds(
    scope.postgres
      ? sql<{ id: string }>`SELECT s.id FROM connection_search s WHERE strpos(s.text, ${term}) > 0`
      : sql<{ id: string }>`SELECT id FROM connection_search WHERE instr(text, ${term}) > 0`,
  );
  return { ids, postings: 2 * rows };
}

/** Postings of each trigram, counted up to `cap` (more than `cap` reads as cap+1). */
async function countTrigrams(scope: TenantScope, trigrams: string[], cap: number): Promise<number[]> {
  const counts = trigrams.map(
    (t) =>
      sql`(SELECT count(*) FROM (SELECT 1 FROM connection_search WHERE connection_search MATCH ${ftsPhrase(t)} LIMIT ${cap + 1}))`,
  );
  const doc = await readJson(scope, sql<{ id: string }>`SELECT json_array(${sql.join(counts)}) AS id`);
  return isNumberList(doc) ? doc : trigrams.map(() => cap + 1);
}

async function sqliteHits(scope: TenantScope, term: string, limit: number): Promise<IndexHits> {
  // The likeliest rarest of (a spread of) the term's trigrams.
  const probed = byLikelyRarity(spreadTrigrams(termTrigrams(term), 3 * TRIGRAMS_PROBED)).slice(0, TRIGRAMS_PROBED);
  const [first, second] = PROBE_ROUNDS;
  // All probed trigrams at once, each counted up to the first round's cap.
  const counts = await countTrigrams(scope, probed, first);
  let postings = counts.reduce((a, b) => a + b, 0);
  let known = probed.map((t, i) => ({ t, n: counts[i] ?? first + 1 })).filter((r) => r.n <= first);
  // None that rare: the likeliest four one at a time, up to the second cap, until two are known
  // (the rest are commoner letters, spaces and punctuation).
  for (const t of known.length === 0 ? probed.slice(0, SECOND_ROUND) : []) {
    const [n = second + 1] = await countTrigrams(scope, [t], second);
    postings += n;
    if (n <= second) known.push({ t, n });
    if (known.length >= 2) break;
  }
  if (known.length === 0) return { ids: null, postings };
  known = known.sort((a, b) => a.n - b.n).slice(0, RAREST_USED);
  // FTS5 intersects by seeking the other lists to the rarest one's rowids.
  postings += known[0]!.n * known.length;
  const ids = await scope.unscopedSearchIndexIds(
    sql<{
      id: string;
    }>`SELECT id FROM connection_search WHERE connection_search MATCH ${known.map((k) => ftsPhrase(k.t)).join(" AND ")} AND instr(text, ${term}) > 0 LIMIT ${limit}`,
  );
  return { ids, postings };
}

/**
 * The run of letters and digits in the term that is likely rarest: digits are scarcer in the
 * searched text than letters, and longer runs match fewer rows. Null: no run of three.
 */
export function distinctiveRun(term: string): string | null {
  const runs = term.match(/[a-z0-9]{3,}/g) ?? [];
  const score = (r: string) => (r.match(/[0-9]/g)?.length ?? 0) * 4 + r.length;
  return runs.reduce<string | null>((best, r) => (best === null || score(r) > score(best) ? r : best), null);
}

async function postgresHits(scope: TenantScope, term: string, limit: number): Promise<IndexHits> {
  const run = distinctiveRun(term);
  if (run === null) return { ids: null, postings: 0 };
  const like = `%${escapeLike(run)}%`;
  // At most CANDIDATE_LIMIT+1 rows containing the run; more means the run is too common.
  const doc = await readJson(
    scope,
    sql<{
      id: string;
    }>`SELECT json_build_object('n', count(*), 'ids', coalesce(json_agg(c.id) FILTER (WHERE strpos(c.text, ${term}) > 0), '[]'::json))::text AS id FROM (SELECT s.id, s.text FROM connection_search s WHERE s.text LIKE ${like} ESCAPE '\\' LIMIT ${CANDIDATE_LIMIT + 1}) c`,
  );
  const n = typeof doc === "object" && doc && "n" in doc && typeof doc.n === "number" ? doc.n : CANDIDATE_LIMIT + 1;
  const ids = typeof doc === "object" && doc && "ids" in doc && Array.isArray(doc.ids) ? doc.ids.map(String) : [];
  if (n > CANDIDATE_LIMIT) return { ids: null, postings: n };
  return { ids: ids.slice(0, limit), postings: n };
}

/** Up to `limit` ids whose searchable text contains `term` (already normalised). */
export async function indexHits(scope: TenantScope, term: string, limit: number): Promise<IndexHits> {
  if ([...term].length < 3) return shortTermHits(scope, term, limit);
  return scope.postgres ? postgresHits(scope, term, limit) : sqliteHits(scope, term, limit);
}
