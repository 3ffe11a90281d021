"use client";
// Search and every filter of the connections list, each with counts that follow the others.
import { X } from "lucide-react";
import { useId, useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import type { FacetKey, FacetsResponse } from "@/server/connections/list/facets.types";
import { CONNECTION_STATUSES, PLATFORMS } from "@/lib/constants";
import { DataTableFacetedFilter } from "@/components/data-table/data-table-faceted-filter";
import { FlagFilter } from "./flag-filter";
import { MoreFilters } from "./more-filters";
import { SearchInput } from "./search-input";
import type { ListUrlState } from "@/lib/list-url-state";
import type { FilterPatch } from "./use-list-state";

interface ToolbarProps {
  state: ListUrlState;
  facets: FacetsResponse | undefined;
  showTenant: boolean;
  onChange: (patch: FilterPatch) => void;
  onClearAll: () => void;
  hasFilters: boolean;
  /** view-level actions shown at the end of the first row (saved views, columns, export) */
  children?: ReactNode;
}

/** Options for a facet: its counted values, or the known values before counts arrive. */
function optionsOf(facets: FacetsResponse | undefined, key: FacetKey, fallback: readonly string[] = []) {
  return facets?.facets[key] ?? fallback.map((v) => ({ value: v, label: v, n: 0 }));
}

export function ConnectionsToolbar({
  state,
  facets,
  showTenant,
  onChange,
  onClearAll,
  hasFilters,
  children,
}: ToolbarProps) {
  const exact = facets?.exact ?? true;
  const moreSet = state.expires !== null || state.stale !== null || Boolean(state.from) || Boolean(state.to);
  const [more, setMore] = useState(moreSet);
  const [phoneFilters, setPhoneFilters] = useState(false);
  const filtersId = useId();
  const activeCount = [
    state.status.length,
    state.provider.length,
    state.category.length,
    state.platform.length,
    state.env.length,
    state.tenant.length,
    state.relink !== null,
    state.upaused !== null,
    state.ppaused !== null,
    state.errors !== null,
    moreSet,
  ].filter(Boolean).length;
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-2">
        <SearchInput value={state.q} onChange={(q) => onChange({ q: q || null })} />
        {/* On a phone the eleven filter buttons fold behind one, so the table is on the first screen. */}
        <Button
          variant={phoneFilters ? "secondary" : "outline"}
          size="sm"
          className="h-8 sm:hidden"
          aria-expanded={phoneFilters}
          aria-controls={filtersId}
          onClick={() => setPhoneFilters(!phoneFilters)}
        >
          <span className="icon icon-sliders" aria-hidden="true" />
          Filters{activeCount ? ` (${activeCount})` : ""}
        </Button>
        <div id={filtersId} className={phoneFilters ? "contents" : "hidden sm:contents"}>
          <DataTableFacetedFilter
            title="Status"
            options={optionsOf(facets, "status", CONNECTION_STATUSES)}
            selected={state.status}
            exact={exact}
            onChange={(v) => onChange({ status: v as ListUrlState["status"] })}
          />
          <FlagFilter
            title="Needs relink"
            value={state.relink}
            counts={facets?.facets.needsRelink}
            exact={exact}
            onChange={(relink) => onChange({ relink })}
          />
          <FlagFilter
            title="Active errors"
            value={state.errors}
            counts={facets?.facets.hasActiveErrors}
            exact={exact}
            onChange={(errors) => onChange({ errors })}
          />
          <DataTableFacetedFilter
            title="Provider"
            options={optionsOf(facets, "provider")}
            selected={state.provider}
            exact={exact}
            onChange={(provider) => onChange({ provider })}
          />
          {showTenant ? (
            <DataTableFacetedFilter
              title="Tenant"
              options={optionsOf(facets, "tenant")}
              selected={state.tenant}
              exact={exact}
              onChange={(tenant) => onChange({ tenant })}
            />
          ) : null}
          <FlagFilter
            title="Paused"
            value={state.upaused}
            counts={facets?.facets.userPaused}
            exact={exact}
            onChange={(upaused) => onChange({ upaused })}
          />
          <FlagFilter
            title="Platform-paused"
            value={state.ppaused}
            counts={facets?.facets.platformPaused}
            exact={exact}
            onChange={(ppaused) => onChange({ ppaused })}
          />
          <DataTableFacetedFilter
            title="Platform"
            options={optionsOf(facets, "platform", PLATFORMS)}
            selected={state.platform}
            exact={exact}
            onChange={(v) => onChange({ platform: v as ListUrlState["platform"] })}
          />
          <DataTableFacetedFilter
            title="Environment"
            options={optionsOf(facets, "environment")}
            selected={state.env}
            exact={exact}
            onChange={(env) => onChange({ env })}
          />
          <DataTableFacetedFilter
            title="Category"
            options={optionsOf(facets, "category")}
            selected={state.category}
            exact={exact}
            onChange={(category) => onChange({ category })}
          />
          <Button
            variant={more || moreSet ? "secondary" : "ghost"}
            size="sm"
            className="h-8"
            aria-expanded={more || moreSet}
            onClick={() => setMore(!more)}
          >
            <span className="icon icon-sliders" aria-hidden="true" />
            Dates
          </Button>
        </div>
        {hasFilters ? (
          <Button variant="ghost" size="sm" className="h-8" onClick={onClearAll}>
            Reset
            <X className="size-4" aria-hidden="true" />
          </Button>
        ) : null}
        <div className="ml-auto flex items-center gap-2">{children}</div>
      </div>
      {more || moreSet ? <MoreFilters state={state} onChange={onChange} /> : null}
    </div>
  );
}
