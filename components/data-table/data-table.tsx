"use client";
// A generic server-driven data table: header, rows with roving keyboard focus (arrows move,
// Enter opens, Space selects), skeleton rows while loading, and an empty slot.
import type { ReactTable, RowData } from "@tanstack/react-table";
import { useRef, useState, type CSSProperties, type KeyboardEvent, type ReactNode } from "react";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { DataTableFeatures } from "./data-table-features";

export type Density = "comfortable" | "compact";

interface DataTableProps<TData extends RowData> {
  table: ReactTable<DataTableFeatures, TData>;
  label: string;
  loading: boolean;
  density: Density;
  /** shown in place of rows when there are none */
  empty: ReactNode;
  onOpenRow: (row: TData) => void;
  /** aria-sort value for a column header, if it is the sorted column */
  ariaSort?: (columnId: string) => "ascending" | "descending" | undefined;
  skeletonRows?: number;
  /**
   * Columns kept in view while the table scrolls sideways inside its frame, with their left
   * offsets (the first one at 0): on a phone the row's name stays beside its other cells.
   */
  pinned?: Record<string, string>;
}

export function DataTable<TData extends RowData>({
  table,
  label,
  loading,
  density,
  empty,
  onOpenRow,
  ariaSort,
  skeletonRows = 10,
  pinned = {},
}: DataTableProps<TData>) {
  // Rows and cells carry attributes, not class lists: their look is the table's (app/globals.css,
  // `.ui-table`), so a page of rows is mostly its content. A pinned cell (data-pin) is opaque and
  // follows its row's hover and selected background.
  // A pinned cell names its place among the pinned columns; the table holds their offsets once
  // (--pin-0, --pin-1, … read by app/globals.css), so no cell carries a style of its own.
  const pinnedIds = Object.keys(pinned);
  const cellProps = (id: string) => {
    const pin = pinnedIds.indexOf(id);
    return { "data-col": id === "select" ? id : undefined, "data-pin": pin < 0 ? undefined : String(pin) };
  };
  const pinStyle = Object.fromEntries(pinnedIds.map((id, i) => [`--pin-${i}`, pinned[id]])) as CSSProperties;
  const rows = table.getRowModel().rows;
  const [active, setActive] = useState(0);
  const body = useRef<HTMLTableSectionElement>(null);
  const columns = table.getVisibleLeafColumns();

  function focusRow(index: number) {
    const next = Math.max(0, Math.min(rows.length - 1, index));
    setActive(next);
    body.current?.querySelectorAll<HTMLTableRowElement>("tr[data-row]")[next]?.focus();
  }

  function onKeyDown(e: KeyboardEvent<HTMLTableRowElement>, index: number, original: TData, toggle: () => void) {
    if (e.target !== e.currentTarget) return; // keys inside a checkbox or menu are theirs
    const moves: Record<string, number> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      Home: 0,
      End: rows.length - 1,
      j: index + 1,
      k: index - 1,
    };
    const to = moves[e.key];
    if (to !== undefined) {
      e.preventDefault();
      focusRow(to);
    } else if (e.key === "Enter") {
      onOpenRow(original);
    } else if (e.key === " ") {
      e.preventDefault();
      toggle();
    }
  }

  return (
    <Table
      aria-label={label}
      aria-busy={loading}
      data-density={density}
      style={pinnedIds.length ? pinStyle : undefined}
      className={loading && rows.length ? "opacity-60 transition-opacity" : undefined}
    >
      <TableHeader>
        {table.getHeaderGroups().map((group) => (
          <TableRow key={group.id}>
            {group.headers.map((header) => (
              <TableHead key={header.id} aria-sort={ariaSort?.(header.column.id)} {...cellProps(header.column.id)}>
                {header.isPlaceholder ? null : <table.FlexRender header={header} />}
              </TableHead>
            ))}
          </TableRow>
        ))}
      </TableHeader>
      <TableBody ref={body}>
        {loading && !rows.length
          ? Array.from({ length: skeletonRows }, (_, i) => (
              <TableRow key={`skeleton-${i}`} aria-hidden="true">
                {columns.map((c) => (
                  <TableCell key={c.id}>
                    <Skeleton className="h-4 w-full min-w-6" />
                  </TableCell>
                ))}
              </TableRow>
            ))
          : null}
        {!loading && !rows.length ? (
          <TableRow>
            <TableCell colSpan={columns.length} className="h-40 text-center">
              {empty}
            </TableCell>
          </TableRow>
        ) : null}
        {rows.map((row, index) => (
          <TableRow
            key={row.id}
            data-row
            data-state={row.getIsSelected() ? "selected" : undefined}
            tabIndex={index === Math.min(active, rows.length - 1) ? 0 : -1}
            onFocus={() => setActive(index)}
            onClick={(e) => {
              // Clicks in portaled menus and dialogs bubble here through React; only plain
              // clicks on the row itself open it.
              const target = e.target instanceof Element ? e.target : null;
              if (
                target &&
                e.currentTarget.contains(target) &&
                !target.closest("a,button,input,[role=checkbox],[role=menuitem]")
              )
                onOpenRow(row.original);
            }}
            onKeyDown={(e) => onKeyDown(e, index, row.original, () => row.toggleSelected())}
          >
            {row.getVisibleCells().map((cell) => (
              <TableCell key={cell.id} {...cellProps(cell.column.id)}>
                <table.FlexRender cell={cell} />
              </TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
