"use client";
// The connections list: URL state → tRPC queries → TanStack Table, with filters and facet
// counts, keyset paging, selection with bulk actions, saved views and export.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTable, type RowSelectionState } from "@tanstack/react-table";
import dynamic from "next/dynamic";
import { useRouter } from "next/navigation";
import { useEffect, useMemo, useState } from "react";
import { useTRPC, useTRPCClient } from "@/components/providers/trpc-client";
import { DataTable } from "@/components/data-table/data-table";
import { dataTableFeatures } from "@/components/data-table/data-table-features";
import { DataTablePagination } from "@/components/data-table/data-table-pagination";
import { DataTableViewOptions } from "@/components/data-table/data-table-view-options";
import { formatTotal } from "@/components/data-table/format-count";
import { Button } from "@/components/ui/button";
import { FACET_KEYS, type FacetKey } from "@/lib/constants";
import type { FacetsResponse } from "@/server/connections/list/facets.types";
import type { TablePrefs } from "@/server/views/views.types";
import { connectionColumns, OPTIONAL_COLUMNS } from "./columns";
import { ConnectionsToolbar } from "./connections-toolbar";
import { describeActiveFilters } from "./describe-filters";
import { EmptyState } from "./empty-state";
import { ExportMenu } from "./export-menu";
import { SavedViewsMenu } from "./saved-views-menu";
import { serializeListUrlState } from "@/lib/list-url-state";
import { usePageActions } from "@/components/shell/page-actions";
import { SearchingFurther } from "./searching-further";
import { useFollowPartial } from "./use-follow-partial";
import { useListState } from "./use-list-state";
import { useTablePrefs } from "./use-table-prefs";
import type { ConnectionTablePage, ConnectionTableRow } from "./table-row";

// The bulk bar (with its pause, relink and tag dialogs) shows only once a row is ticked: its code
// is not part of the page's first load, and is fetched when the browser is idle after it.
const loadBulkActionsBar = () => import("@/components/actions/bulk-actions-bar");
const BulkActionsBar = dynamic(() => loadBulkActionsBar().then((m) => m.BulkActionsBar));

const NO_ROWS: ConnectionTableRow[] = [];
// On a phone the table scrolls sideways inside its frame; the connection's name stays put.
const PINNED_WITH_SELECT = { select: "0", name: "2.5rem" };
const PINNED = { name: "0" };

export interface ConnectionsViewProps {
  showTenant: boolean;
  /** may pause, resume and relink: selection checkboxes and the bulk bar (never for viewers) */
  canWrite: boolean;
  prefs: TablePrefs;
  /**
   * what the server rendered with (the request as JSON, the page as the table draws it), reused
   * while the URL still asks for the same thing
   */
  initial: { requestKey: string; page: ConnectionTablePage | null; facets: FacetsResponse | null };
}

export function ConnectionsView({ showTenant, canWrite, prefs, initial }: ConnectionsViewProps) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const router = useRouter();
  const list = useListState();
  const { state, filters, request } = list;
  const sameAsServer = JSON.stringify(request) === initial.requestKey;
  // The table's own entry under the list's query key, so every invalidation of the list reaches
  // it: it holds pages as the table draws them (the server's first one is leaner than the tRPC
  // response, whose rows fit the same type).
  const page = useQuery({
    queryKey: [...trpc.connections.list.queryKey(request), "table"],
    queryFn: ({ signal }): Promise<ConnectionTablePage> => client.connections.list.query(request, { signal }),
    placeholderData: keepPreviousData,
    // Fresh on window focus (react-query's default) and every 30 s; the selection survives.
    refetchInterval: 30_000,
    initialData: sameAsServer ? (initial.page ?? undefined) : undefined,
  });
  const facets = useQuery(
    trpc.connections.facets.queryOptions(filters, {
      placeholderData: keepPreviousData,
      initialData: sameAsServer ? (initial.facets ?? undefined) : undefined,
    }),
  );

  const further = useFollowPartial(request, page.data, !page.isFetching && !page.isPlaceholderData, list.skipTo);

  const optional = useMemo(() => OPTIONAL_COLUMNS.filter((c) => showTenant || !("staffOnly" in c)), [showTenant]);
  const view = useTablePrefs({ optional, urlCols: state.cols, initial: prefs, setUrlCols: list.setColumns });
  const [rowSelection, setRowSelection] = useState<RowSelectionState>({});
  useEffect(() => {
    if (!canWrite) return;
    if ("requestIdleCallback" in window) window.requestIdleCallback(() => void loadBulkActionsBar());
    else globalThis.setTimeout(() => void loadBulkActionsBar(), 200);
  }, [canWrite]);
  // A new request (filter, sort, page) clears the selection; adjusted while rendering, not in an effect.
  const requestKey = JSON.stringify(request);
  const [selectionFor, setSelectionFor] = useState(requestKey);
  if (requestKey !== selectionFor) {
    setSelectionFor(requestKey);
    setRowSelection({});
  }

  const columns = useMemo(
    () =>
      connectionColumns({
        showTenant,
        selectable: canWrite,
        sort: { sort: state.sort, dir: state.dir },
        onSort: list.setSort,
      }),
    [showTenant, canWrite, state.sort, state.dir, list.setSort],
  );
  const table = useTable({
    features: dataTableFeatures,
    columns,
    data: page.data?.rows ?? NO_ROWS,
    getRowId: (row) => row.id,
    state: { rowSelection, columnVisibility: view.columnVisibility },
    onRowSelectionChange: setRowSelection,
    onColumnVisibilityChange: () => undefined, // visibility is owned by useTablePrefs
  });

  // A background refresh (focus, every 30 s) that brings different rows for the same request
  // says so; a new request (filter, sort, page) does not count as news.
  const signature = (page.data?.rows ?? []).map((r) => `${r.id}:${r.version}:${r.open_error_count}`).join(",");
  const [seen, setSeen] = useState({ requestKey, signature });
  const [news, setNews] = useState(false);
  if (page.data && !page.isPlaceholderData && (seen.requestKey !== requestKey || seen.signature !== signature)) {
    setNews(seen.requestKey === requestKey && seen.signature !== "");
    setSeen({ requestKey, signature });
  }

  const labels = (key: string, value: string) => {
    const facetKey: FacetKey | undefined = key === "env" ? "environment" : FACET_KEYS.find((k) => k === key);
    return (facetKey && facets.data?.facets[facetKey]?.find((f) => f.value === value)?.label) || value;
  };
  const hasFilters = describeActiveFilters(state, labels).length > 0;
  const query = serializeListUrlState(state).replace(/^\?/, "");
  const selectedIds = Object.keys(rowSelection).filter((id) => rowSelection[id]);
  const data = page.data;
  // The previous request's total, kept while the new one counts, would read as this one's.
  const count =
    facets.data && !facets.isPlaceholderData ? formatTotal(facets.data.total, facets.data.totalExact) : null;
  // "1,234 matching" under filters; "2,000 connections" without.
  const total = !count
    ? "Counting…"
    : hasFilters
      ? `${count} matching`
      : `${count} ${facets.data?.total === 1 ? "connection" : "connections"}`;

  usePageActions([
    {
      id: "list.sort-errors",
      label: "Sort by open errors, most first",
      run: () => list.setSort("open_error_count", "desc"),
    },
    { id: "list.sort-updated", label: "Sort by last updated", run: () => list.setSort("updated_at", "desc") },
    ...(hasFilters ? [{ id: "list.clear", label: "Clear all filters", run: list.clearFilters }] : []),
    {
      id: "list.export-csv",
      label: "Export matching connections as CSV",
      run: () => window.location.assign(`/api/export/connections?${query ? `${query}&` : ""}format=csv`),
    },
  ]);

  return (
    <div className="space-y-3">
      <ConnectionsToolbar
        state={state}
        facets={facets.data}
        showTenant={showTenant}
        onChange={list.setFilters}
        onClearAll={list.clearFilters}
        hasFilters={hasFilters}
      >
        <SavedViewsMenu query={query} />
        <DataTableViewOptions
          columns={optional}
          visible={view.visible}
          onToggle={view.toggle}
          density={view.density}
          onDensity={view.setDensity}
        />
        <ExportMenu query={query} />
      </ConnectionsToolbar>
      <div className="flex min-h-8 flex-wrap items-center gap-x-4 gap-y-2">
        <p className="text-sm font-medium tabular-nums" aria-live="polite" data-testid="match-count">
          {total}
        </p>
        {news ? (
          <span role="status" className="rounded-full bg-primary/10 px-2 py-0.5 text-xs font-medium text-primary">
            Updated with new changes
          </span>
        ) : null}
        {page.data?.partial && !further.emptyPartial ? (
          <p className="text-sm text-muted-foreground">More matches may lie further along: Next searches on.</p>
        ) : null}
      </div>
      {canWrite && selectedIds.length ? (
        <BulkActionsBar
          selectedIds={selectedIds}
          matching={
            facets.data && !facets.isPlaceholderData
              ? { total: facets.data.total, exact: facets.data.totalExact }
              : null
          }
          firstMatches={(page.data?.rows ?? []).slice(0, 5).map((r) => r.name)}
          filters={filters}
          onDone={() => {
            setRowSelection({});
            void page.refetch();
            void facets.refetch();
          }}
        />
      ) : null}
      {page.isError ? (
        <div role="alert" className="rounded-md border border-destructive/50 p-6 text-center">
          <p className="font-medium">The list could not be loaded.</p>
          <p className="mt-1 text-sm text-muted-foreground">{page.error.message}</p>
          <div className="mt-3 flex justify-center gap-2">
            <Button size="sm" onClick={() => void page.refetch()}>
              Retry
            </Button>
            <Button size="sm" variant="outline" onClick={list.clearFilters}>
              Clear filters
            </Button>
          </div>
        </div>
      ) : (
        <div className="rounded-md border">
          <DataTable
            table={table}
            label="Connections"
            loading={page.isFetching && !further.emptyPartial}
            density={view.density}
            onOpenRow={(row) => router.push(`/connections/${row.id}`)}
            ariaSort={(id) => (id === state.sort ? (state.dir === "asc" ? "ascending" : "descending") : undefined)}
            empty={
              further.emptyPartial ? (
                <SearchingFurther
                  searching={further.searching}
                  onStop={further.stop}
                  onContinue={further.keepSearching}
                  onSortByUpdated={() => list.setSort("updated_at", "desc")}
                />
              ) : (
                <EmptyState state={state} labels={labels} onClear={list.setFilters} onClearAll={list.clearFilters} />
              )
            }
            skeletonRows={Math.min(state.size, 15)}
            pinned={canWrite ? PINNED_WITH_SELECT : PINNED}
          />
        </div>
      )}
      <DataTablePagination
        size={state.size}
        onSize={list.setPageSize}
        prevCursor={data?.prevCursor ?? null}
        nextCursor={data?.nextCursor ?? null}
        atStart={!data?.prevCursor}
        onFirst={() => list.goTo("forward", null)}
        onPrev={() => list.goTo("backward", data?.prevCursor ?? null)}
        onNext={() => list.goTo("forward", data?.nextCursor ?? null)}
        onLast={() => list.goTo("last", null)}
        summary={`${data?.rows.length ?? 0} on this page`}
      />
    </div>
  );
}
