"use client";
// A column title that sorts on the server when clicked; columns without a sort key are plain text.
import { ArrowDown, ArrowUp, ArrowUpDown } from "lucide-react";

export type SortDir = "asc" | "desc";

export interface SortState<TSort extends string> {
  sort: TSort;
  dir: SortDir;
}

export function DataTableColumnHeader<TSort extends string>({
  title,
  sortKey,
  sort,
  onSort,
  firstDir,
}: {
  title: string;
  sortKey?: TSort;
  sort: SortState<TSort>;
  onSort: (sort: TSort, dir: SortDir) => void;
  /** the direction a first click on this column sorts in */
  firstDir: SortDir;
}) {
  if (!sortKey) return <span>{title}</span>;
  const active = sort.sort === sortKey;
  const next = active ? (sort.dir === "asc" ? "desc" : "asc") : firstDir;
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
