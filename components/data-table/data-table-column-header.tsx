"use client";
// A column title that sorts on the server when clicked; columns without a sort key are plain text.

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
  const icon = !active ? "icon-sort" : sort.dir === "asc" ? "icon-sort-asc" : "icon-sort-desc";
  return (
    <button
      type="button"
      onClick={() => onSort(sortKey, next)}
      className="col-sort" // app/globals.css
      aria-label={`${title}: sort ${next === "asc" ? "ascending" : "descending"}`}
      data-sorted={active ? sort.dir : undefined}
    >
      {title}
      {/* a CSS mask (app/globals.css .icon), not an inline SVG a column */}
      <span className={`icon ${icon} size-3.5 ${active ? "text-foreground" : "opacity-50"}`} aria-hidden="true" />
    </button>
  );
}
