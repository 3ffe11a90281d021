// A search whose matches lie far along the sort order (`acme` by name, descending) can answer
// with empty pages flagged partial: each request reads a bounded slice of the list
// (server/connections/list/search-budget.ts) and hands back a cursor where it stopped. Rather than
// show an empty table, which would read as "nothing matches", the view follows those cursors on
// its own, one bounded request after another, up to FOLLOW_HOPS of them; then it asks.
// Pure bookkeeping here; connections-view.tsx renders and navigates.

/** Empty partial pages followed without asking: 250 slices of at most 2,000 rows is 500,000 rows. */
export const FOLLOW_HOPS = 250;

export interface PageLike {
  rows: readonly unknown[];
  partial?: true;
  nextCursor: string | null;
  prevCursor: string | null;
}

export interface Follow {
  /** the search (filters, sort, size: everything but the cursor) being followed */
  key: string;
  /** the cursor whose empty partial page was counted last */
  counted: string | null;
  /** empty partial pages seen since the search began or the user asked for more */
  hops: number;
  /** the user stopped it */
  stopped: boolean;
}

export const startFollow = (key: string): Follow => ({ key, counted: null, hops: 0, stopped: false });

export const isEmptyPartial = (page: PageLike | undefined): boolean => page?.partial === true && page.rows.length === 0;

/**
 * The bookkeeping after a settled page for `cursor` (the request's cursor, "" for none) of the
 * search `key`: a new search starts over; each empty partial page counts once. Returns `f`
 * itself when nothing changed, so a caller can compare.
 */
export function observePage(f: Follow, key: string, cursor: string, page: PageLike | undefined): Follow {
  if (f.key !== key) return observePage(startFollow(key), key, cursor, page);
  if (!isEmptyPartial(page) || f.counted === cursor) return f;
  return { ...f, counted: cursor, hops: f.hops + 1 };
}

/** Where to go next on its own, if anywhere: on along the search's direction from an empty partial page. */
export function followTarget(
  f: Follow,
  page: PageLike | undefined,
  direction: "forward" | "backward" | "last",
): { nav: "forward" | "backward"; cursor: string } | null {
  if (!page || !isEmptyPartial(page) || f.stopped || f.hops >= FOLLOW_HOPS) return null;
  const forward = direction === "forward";
  const cursor = forward ? page.nextCursor : page.prevCursor;
  return cursor ? { nav: forward ? "forward" : "backward", cursor } : null;
}

/** Still following on its own (a "searching" state), as against waiting for the user. */
export const following = (f: Follow, page: PageLike | undefined, direction: "forward" | "backward" | "last") =>
  followTarget(f, page, direction) !== null;
