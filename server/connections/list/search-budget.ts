// The row budget of one search request. Every plan reads at most these many rows, whatever the
// term, sort, filters or data: a walk of the sort index stops after WALK_BUDGET rows, an id set
// from the search index holds at most ID_BUDGET ids, and finding them reads a bounded number of
// index postings (maxPostings). When neither a full walk nor a small id set can give a
// whole page, the page comes back short, flagged `partial`, with cursors that carry on from the
// last row examined: exact results, paged, never a read of hundreds of thousands of rows.

/** Rows of the sort index one page of a common-term search examines at most. */
export const WALK_BUDGET = 2_000;

/** Matching ids a rare-term plan reads at most (the page then reads those rows). */
export const ID_BUDGET = 2_000;

/**
 * Postings of one trigram counted at most when choosing the rarest (SQLite): a cheap first
 * round, then a wider one (digit trigrams are in ~6,400 rows each at a million connections).
 */
export const PROBE_ROUNDS = [1_024, 8_192] as const;

/** Rows containing a term's most distinctive run read at most to recheck them (PostgreSQL). */
export const CANDIDATE_LIMIT = 8_192;

/**
 * Rows a page of a search examines first, before asking the index, per row of the page: a
 * term matching one row in eight or more fills its page from these alone.
 */
export const QUICK_WALK_PER_ROW = 8;

/** Trigrams of a term counted at most (a 200-character term has 198): the likeliest rarest. */
export const TRIGRAMS_PROBED = 8;

/** Of those, counted one at a time up to the second round's cap at most. */
export const SECOND_ROUND = 4;

/** Rarest trigrams intersected when fetching candidate ids (SQLite). */
export const RAREST_USED = 3;

export interface SearchBudget {
  walk: number;
  ids: number;
}

export const DEFAULT_SEARCH_BUDGET: SearchBudget = { walk: WALK_BUDGET, ids: ID_BUDGET };

/**
 * What a request actually read, as the planner counts it: the property test checks it against
 * the budget, and the benchmark prints it.
 */
export interface SearchTrace {
  /** search-index postings read to pick trigrams and fetch candidate ids */
  postings: number;
  /** connection rows read through an id set (ids plan) */
  idRows: number;
  /** sort-index rows examined by walks, boundary reads included */
  walkRows: number;
  /** which plans ran, in order */
  steps: ("ids" | "walk" | "probe" | "partial")[];
}

/**
 * Most index postings a request may read under `budget`: the trigram counts, the intersection
 * driven by the rarest list, and the tenant-name or short-term reads of at most ids+1 rows.
 */
export const maxPostings = (budget: SearchBudget): number =>
  TRIGRAMS_PROBED * (PROBE_ROUNDS[0] + 1) +
  SECOND_ROUND * (PROBE_ROUNDS[1] + 1) +
  RAREST_USED * PROBE_ROUNDS[PROBE_ROUNDS.length - 1]! +
  CANDIDATE_LIMIT +
  1 +
  4 * (budget.ids + 2);

export const emptyTrace = (): SearchTrace => ({ postings: 0, idRows: 0, walkRows: 0, steps: [] });
