"use client";
// The table's state lives in the URL (nuqs): changing a filter returns to the first page and
// pushes a history entry, so back/forward step through views and a link reproduces one.
import { useQueryStates } from "nuqs";
import { useCallback, useMemo } from "react";
import {
  FILTER_KEYS,
  filtersFromUrlState,
  listRequestFromUrlState,
  listUrlParsers,
  type ListUrlState,
} from "@/lib/list-url-state";

export type FilterPatch = { [K in (typeof FILTER_KEYS)[number]]?: ListUrlState[K] | null };

const firstPage = { cursor: null, nav: null } as const;

export function useListState() {
  const [state, setState] = useQueryStates(listUrlParsers, { history: "push", clearOnDefault: true });

  const setFilters = useCallback((patch: FilterPatch) => void setState({ ...patch, ...firstPage }), [setState]);
  const clearFilters = useCallback(
    () => void setState({ ...Object.fromEntries(FILTER_KEYS.map((k) => [k, null])), ...firstPage }),
    [setState],
  );
  const setSort = useCallback(
    (sort: ListUrlState["sort"], dir: ListUrlState["dir"]) => void setState({ sort, dir, ...firstPage }),
    [setState],
  );
  const setPageSize = useCallback((size: ListUrlState["size"]) => void setState({ size, ...firstPage }), [setState]);
  const goTo = useCallback(
    (nav: ListUrlState["nav"], cursor: string | null) =>
      void setState({ nav: nav === "forward" && !cursor ? null : nav, cursor }),
    [setState],
  );
  // Following an empty partial page on its own (follow-partial.ts) replaces the entry: Back
  // returns to where the user was, not through every slice the search read.
  const skipTo = useCallback(
    (nav: "forward" | "backward", cursor: string) => void setState({ nav, cursor }, { history: "replace" }),
    [setState],
  );
  const setColumns = useCallback((cols: string[]) => void setState({ cols }, { history: "replace" }), [setState]);

  const filters = useMemo(() => filtersFromUrlState(state), [state]);
  const request = useMemo(() => listRequestFromUrlState(state), [state]);
  return { state, filters, request, setFilters, clearFilters, setSort, setPageSize, goTo, skipTo, setColumns };
}
