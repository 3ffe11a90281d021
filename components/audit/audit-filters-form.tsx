"use client";
// The audit log's filters in the connections table's own components (search boxes, faceted
// menus, date inputs): each applies as soon as it is chosen, into the URL, so a filtered view
// can be bookmarked and the CSV link carries the very same filters. No Apply button.
import { X } from "lucide-react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback } from "react";
import { DataTableCommitInput } from "@/components/data-table/data-table-commit-input";
import { DataTableFacetedFilter } from "@/components/data-table/data-table-faceted-filter";
import { DataTableSearch } from "@/components/data-table/data-table-search";
import { Button } from "@/components/ui/button";
import type { AuditFacets, AuditFilters } from "@/server/audit/list.types";
import { actionLabel } from "./audit-labels";

type Key = "actor" | "action" | "tenantId" | "connectionId" | "from" | "to";

/** A one-value filter in the multi-select menu: choosing a value replaces the one chosen. */
const single = (next: string[], current: string | undefined) => next.find((v) => v !== current) ?? null;

export function AuditFiltersForm({
  filters,
  facets,
  showTenant,
}: {
  filters: AuditFilters;
  facets: AuditFacets;
  showTenant: boolean;
}) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const set = useCallback(
    (key: Key, value: string | null) => {
      const next = new URLSearchParams(params.toString());
      next.delete("cursor"); // a new filter starts from the newest page
      if (value) next.set(key, value);
      else next.delete(key);
      const qs = next.toString();
      router.push(qs ? `${pathname}?${qs}` : pathname);
    },
    [params, pathname, router],
  );
  const onActor = useCallback((v: string) => set("actor", v.trim() || null), [set]);
  const onConnection = useCallback((v: string) => set("connectionId", v.trim() || null), [set]);
  const any = Object.values(filters).some((v) => v !== undefined && v !== "");
  return (
    <div role="search" aria-label="Filter the audit log" className="flex flex-wrap items-center gap-2">
      <DataTableSearch
        value={filters.actor ?? ""}
        onChange={onActor}
        label="Actor"
        shortcut
        placeholder="Actor: email or id"
      />
      <DataTableFacetedFilter
        title="Action"
        options={facets.actions.map((a) => ({ value: a, label: actionLabel(a) }))}
        selected={filters.action ? [filters.action] : []}
        onChange={(v) => set("action", single(v, filters.action))}
      />
      {showTenant ? (
        <DataTableFacetedFilter
          title="Tenant"
          options={facets.tenants.map((t) => ({ value: t.id, label: t.name }))}
          selected={filters.tenantId ? [filters.tenantId] : []}
          onChange={(v) => set("tenantId", single(v, filters.tenantId))}
        />
      ) : null}
      <div className="w-full sm:w-56">
        <DataTableSearch
          value={filters.connectionId ?? ""}
          onChange={onConnection}
          label="Connection id"
          placeholder="Connection id (con_…)"
        />
      </div>
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2" role="group" aria-label="Dates">
        <DataTableCommitInput
          id="audit-from"
          label="From"
          type="date"
          value={filters.from?.slice(0, 10) ?? ""}
          onCommit={(v) => set("from", v || null)}
        />
        <DataTableCommitInput
          id="audit-to"
          label="to"
          type="date"
          value={filters.to?.slice(0, 10) ?? ""}
          onCommit={(v) => set("to", v || null)}
        />
      </div>
      {any ? (
        <Button variant="ghost" size="sm" className="h-8" onClick={() => router.push(pathname)}>
          Reset
          <X className="size-4" aria-hidden="true" />
        </Button>
      ) : null}
    </div>
  );
}
