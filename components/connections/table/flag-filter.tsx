"use client";
// A yes/no/any filter (needs relink, paused, active errors) with the count of each answer.
import { DataTableFilterButton } from "@/components/data-table/data-table-filter-button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuLabel,
  DropdownMenuRadioGroup,
  DropdownMenuRadioItem,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import type { FacetValue } from "@/server/connections/list/facets.types";
import { formatCount } from "@/components/data-table/format-count";

interface FlagFilterProps {
  title: string;
  value: boolean | null;
  counts: FacetValue[] | undefined;
  exact: boolean;
  onChange: (value: boolean | null) => void;
}

export function FlagFilter({ title, value, counts, exact, onChange }: FlagFilterProps) {
  const n = (v: "1" | "0") => counts?.find((c) => c.value === v)?.n ?? 0;
  const current = value === null ? "any" : value ? "yes" : "no";
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <DataTableFilterButton
          title={title}
          label={`Filter by ${title.toLowerCase()}: ${current}`}
          badge={value === null ? null : value ? "Yes" : "No"}
        />
      </DropdownMenuTrigger>
      <DropdownMenuContent align="start">
        <DropdownMenuLabel>{title}</DropdownMenuLabel>
        <DropdownMenuRadioGroup value={current} onValueChange={(v) => onChange(v === "any" ? null : v === "yes")}>
          <DropdownMenuRadioItem value="any">Any</DropdownMenuRadioItem>
          <DropdownMenuRadioItem value="yes">
            <span className="flex-1">Yes</span>
            <span className="ml-4 font-mono text-xs text-muted-foreground">{formatCount(n("1"), exact)}</span>
          </DropdownMenuRadioItem>
          <DropdownMenuRadioItem value="no">
            <span className="flex-1">No</span>
            <span className="ml-4 font-mono text-xs text-muted-foreground">{formatCount(n("0"), exact)}</span>
          </DropdownMenuRadioItem>
        </DropdownMenuRadioGroup>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
