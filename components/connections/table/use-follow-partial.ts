"use client";
// Follows a search's empty partial pages on its own (see follow-partial.ts): counts each one while
// rendering, and moves the URL's cursor on in an effect.
import { useEffect, useState } from "react";
import type { ListConnectionsRequest } from "@/server/connections/list/list.types";
import { FOLLOW_HOPS, followTarget, isEmptyPartial, observePage, startFollow, type PageLike } from "./follow-partial";

export function useFollowPartial(
  request: ListConnectionsRequest,
  page: PageLike | undefined,
  settled: boolean,
  skipTo: (nav: "forward" | "backward", cursor: string) => void,
) {
  const { cursor, direction, ...search } = request;
  const key = JSON.stringify(search);
  const [follow, setFollow] = useState(() => startFollow(key));
  // Adjusted while rendering, not in an effect: a settled page is counted once.
  const observed = settled ? observePage(follow, key, cursor ?? "", page) : follow;
  if (observed !== follow) setFollow(observed);
  const target = settled && observed.key === key ? followTarget(observed, page, direction ?? "forward") : null;
  const nav = target?.nav;
  const next = target?.cursor;
  useEffect(() => {
    if (nav && next) skipTo(nav, next);
  }, [nav, next, skipTo]);
  return {
    /**
     * the page is empty only because the search has not got that far yet (kept while the next
     * slice loads, so the table says "searching" rather than flashing skeleton rows)
     */
    emptyPartial: isEmptyPartial(page),
    /** still going on its own (a new search, or a background refresh of a page it follows) */
    searching:
      target !== null || observed.key !== key || (!settled && !observed.stopped && observed.hops < FOLLOW_HOPS),
    stop: () => setFollow({ ...observed, stopped: true }),
    keepSearching: () => setFollow({ ...observed, hops: 0, stopped: false }),
  };
}
