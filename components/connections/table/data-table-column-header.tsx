"use client";
// A column title that sorts on the server when clicked (only for whitelisted sort columns).
import { ArrowDown, ArrowUp, ArrowUpDown } from "lucide-react";
import type { SortColumn } from "@/server/connections/list/list.types";

export interface SortState {
  sort: SortColumn;
  dir: "asc" | "desc";
}

const TEXT_SORTS: ReadonlySet<SortColumn> = new Set(["name", "status", "provider"]);

export function ColumnHeader({
  title,
  sortKey,
  sort,
  onSort,
}: {
  title: string;
  sortKey?: SortColumn;
  sort: SortState;
  onSort: (sort: SortColumn, dir: "asc" | "desc") => void;
}) {
  if (!sortKey) return <span>{title}</span>;
  const active = sort.sort === sortKey;
  // Dates first show the newest; text first shows A→Z.
  const next = active ? (sort.dir === "asc" ? "desc" : "asc") : TEXT_SORTS.has(sortKey) ? "asc" : "desc";
  const Icon = !active ? ArrowUpDown : sort.dir === "asc" ? ArrowUp : ArrowDown;
  return (
    <button
      type="button"
      onClick={() => onSort(sortKey, next)}
      className="-mx-1 inline-flex items-center gap-1 rounded px-1 py-0.5 hover:text-foreground focus-visible:outline-hidden focus-visible:ring-2 focus-visible:ring-ring"
      aria-label={`${title}: sort ${next === "asc" ? "ascending" : "descending"}`}
      data-sorted={active ? sort.dir : undefined}
    >
      {title}
      <Icon className={active ? "size-3.5 text-foreground" : "size-3.5 opacity-50"} aria-hidden="true" />
    </button>
  );
}
