// The row budget of one search request. Every plan reads at most these many rows, whatever the
// term, sort, filters or data: a walk of the sort index stops after WALK_BUDGET rows, an id set
// from the search index holds at most ID_BUDGET ids, and choosing the rarest trigrams (SQLite)
// reads at most PROBE_BUDGET postings. When neither a full walk nor a small id set can give a
// whole page, the page comes back short, flagged `partial`, with cursors that carry on from the
// last row examined: exact results, paged, never a read of hundreds of thousands of rows.

/** Rows of the sort index one page of a common-term search examines at most. */
export const WALK_BUDGET = 4_000;

/** Matching ids a rare-term plan reads at most (the page then reads those rows). */
export const ID_BUDGET = 2_000;

/** Postings of one trigram counted at most when choosing the rarest (SQLite). */
export const TRIGRAM_PROBE_LIMIT = 2_000;

/** Trigrams of a term probed at most (a 200-character term has 198). */
export const TRIGRAMS_PROBED = 12;

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

export const emptyTrace = (): SearchTrace => ({ postings: 0, idRows: 0, walkRows: 0, steps: [] });
