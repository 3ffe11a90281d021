"use client";
// A multi-select filter menu whose options carry counts that follow the other filters.
import { DataTableFilterButton } from "./data-table-filter-button";
import {
  DropdownMenu,
  DropdownMenuCheckboxItem,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { formatCount } from "./format-count";

/** One value to filter by, with how many rows have it under the other filters (when counted). */
export interface FacetOption {
  value: string;
  label: string;
  n?: number;
}

interface DataTableFacetedFilterProps {
  title: string;
  options: readonly FacetOption[] | undefined;
  selected: string[];
  /** counts are exact; with `false` they are lower bounds */
  exact?: boolean;
  onChange: (values: string[]) => void;
}

export function DataTableFacetedFilter({
  title,
  options,
  selected,
  exact = true,
  onChange,
}: DataTableFacetedFilterProps) {
  // Keep chosen values listed even when the other filters leave them no rows.
  const known = new Map((options ?? []).map((o) => [o.value, o]));
  const all = [
    ...(options ?? []),
    ...selected.filter((v) => !known.has(v)).map((v): FacetOption => ({ value: v, label: v })),
  ];
  const toggle = (value: string, on: boolean) =>
    onChange(on ? [...selected, value] : selected.filter((v) => v !== value));
  const labelOf = (v: string) => known.get(v)?.label ?? v;
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <DataTableFilterButton
          title={title}
          label={`Filter by ${title.toLowerCase()}${selected.length ? `: ${selected.map(labelOf).join(", ")}` : ""}`}
          badge={selected.length > 2 ? `${selected.length} selected` : selected.map(labelOf).join(", ")}
        />
      </DropdownMenuTrigger>
      <DropdownMenuContent align="start" className="max-h-96 overflow-y-auto">
        <DropdownMenuLabel>{title}</DropdownMenuLabel>
        {all.length === 0 ? <div className="px-2 py-1.5 text-sm text-muted-foreground">No values</div> : null}
        {all.map((o) => (
          <DropdownMenuCheckboxItem
            key={o.value}
            checked={selected.includes(o.value)}
            onCheckedChange={(on) => toggle(o.value, on === true)}
            onSelect={(e) => e.preventDefault()}
          >
            <span className="flex-1 truncate">{o.label}</span>
            {o.n === undefined ? null : (
              <span className="ml-4 font-mono text-xs tabular-nums text-muted-foreground">
                {formatCount(o.n, exact)}
              </span>
            )}
          </DropdownMenuCheckboxItem>
        ))}
        {selected.length ? (
          <>
            <DropdownMenuSeparator />
            <DropdownMenuItem onSelect={() => onChange([])} className="justify-center">
              Clear {title.toLowerCase()}
            </DropdownMenuItem>
          </>
        ) : null}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
