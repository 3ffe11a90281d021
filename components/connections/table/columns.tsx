"use client";
// Column definitions of the connections table. Sorting is on the server: a header sorts only
// if its column maps to one of the whitelisted SORT_COLUMNS.
import { createColumnHelper } from "@tanstack/react-table";
import Link from "next/link";
import { RowActionsMenu } from "@/components/actions/row-actions-menu";
import { Badge } from "@/components/ui/badge";
import { NativeCheckbox } from "@/components/ui/native-checkbox";
import { CopyButton } from "@/components/ui/copy-button";
import { RelativeTime } from "@/components/ui/relative-time";
import type { SortColumn } from "@/server/connections/list/list.types";
import { HealthBadge } from "../health-badge";
import { RelinkState } from "../relink-state";
import { ConnectionStateBadges } from "../status-badge";
import type { ConnectionTableRow } from "./table-row";
import { DataTableColumnHeader, type SortState } from "@/components/data-table/data-table-column-header";
import type { DataTableFeatures } from "@/components/data-table/data-table-features";

const helper = createColumnHelper<DataTableFeatures, ConnectionTableRow>();

// Dates first show the newest; text first shows A→Z.
const TEXT_SORTS: ReadonlySet<SortColumn> = new Set(["name", "status", "provider"]);

/** Columns the user may hide, with their labels, in display order. */
export const OPTIONAL_COLUMNS = [
  { id: "tenant", label: "Tenant", staffOnly: true },
  { id: "health", label: "Health" },
  { id: "open_error_count", label: "Open errors" },
  { id: "relink", label: "Relink link" },
  { id: "provider", label: "Provider" },
  { id: "platform", label: "Platform" },
  { id: "environment", label: "Environment" },
  { id: "external_xref", label: "External ref" },
  { id: "auth_expires_at", label: "Auth expires" },
  { id: "last_sync_at", label: "Last sync" },
  { id: "updated_at", label: "Updated" },
  { id: "created_at", label: "Created" },
  { id: "link_url", label: "Link URL" },
  { id: "tags", label: "Tags" },
] as const;

export function connectionColumns(opts: {
  showTenant: boolean;
  /** selection checkboxes: only for those who may act on the selection */
  selectable: boolean;
  sort: SortState<SortColumn>;
  onSort: (sort: SortColumn, dir: "asc" | "desc") => void;
}) {
  const header = (title: string, sortKey?: SortColumn) => () => (
    <DataTableColumnHeader
      title={title}
      sortKey={sortKey}
      sort={opts.sort}
      onSort={opts.onSort}
      firstDir={sortKey && TEXT_SORTS.has(sortKey) ? "asc" : "desc"}
    />
  );
  const time = (v: string | null | undefined) => <RelativeTime value={v} />;
  const select = helper.display({
    id: "select",
    header: ({ table }) => (
      <NativeCheckbox
        aria-label="Select all on this page"
        checked={table.getIsAllPageRowsSelected() ? true : table.getIsSomePageRowsSelected() ? "indeterminate" : false}
        onCheckedChange={(v) => table.toggleAllPageRowsSelected(v)}
      />
    ),
    cell: ({ row }) => (
      <NativeCheckbox
        aria-label={`Select ${row.original.name}`}
        checked={row.getIsSelected()}
        onCheckedChange={(v) => row.toggleSelected(v)}
      />
    ),
  });
  return helper.columns([
    ...(opts.selectable ? [select] : []),
    helper.accessor("name", {
      header: header("Connection", "name"),
      cell: ({ row }) => (
        // .conn-name and .conn-id: app/globals.css (one class a cell, not a utility list a row)
        <div className="conn-name">
          <Link href={`/connections/${row.original.id}`} tabIndex={-1}>
            {row.original.name}
          </Link>
          <div className="conn-id">{row.original.id}</div>
        </div>
      ),
    }),
    ...(opts.showTenant ? [helper.accessor("tenant_name", { id: "tenant", header: header("Tenant") })] : []),
    helper.accessor("status", {
      header: header("Status", "status"),
      cell: ({ row }) => (
        <div className="badges">
          <ConnectionStateBadges
            status={row.original.status}
            needsRelink={row.original.needs_relink}
            userPaused={row.original.user_paused}
            platformPaused={row.original.platform_paused}
          />
        </div>
      ),
    }),
    helper.accessor((r) => r.health.score, {
      id: "health",
      header: header("Health"),
      cell: ({ row }) => <HealthBadge health={row.original.health} id={row.original.id} />,
    }),
    helper.accessor("open_error_count", {
      header: header("Open errors", "open_error_count"),
      cell: ({ getValue }) => <span className={getValue() > 0 ? "err-count" : "nil"}>{getValue()}</span>,
    }),
    helper.accessor((r) => r.relink?.at ?? null, {
      id: "relink",
      header: header("Relink link"),
      cell: ({ row }) => <RelinkState relink={row.original.relink ?? null} />,
    }),
    helper.accessor("provider", {
      header: header("Provider", "provider"),
      cell: ({ row }) => row.original.integration_name ?? row.original.provider,
    }),
    helper.accessor("platform", { header: header("Platform") }),
    helper.accessor("environment", { header: header("Environment"), cell: ({ getValue }) => getValue() ?? "—" }),
    helper.accessor("external_xref", {
      header: header("External ref"),
      cell: ({ getValue }) => <span className="whitespace-nowrap font-mono text-xs">{getValue() ?? "—"}</span>,
    }),
    helper.accessor("auth_expires_at", {
      header: header("Auth expires", "auth_expires_at"),
      cell: ({ getValue }) => time(getValue()),
    }),
    helper.accessor("last_sync_at", {
      header: header("Last sync", "last_sync_at"),
      cell: ({ getValue }) => time(getValue()),
    }),
    helper.accessor("updated_at", {
      header: header("Updated", "updated_at"),
      cell: ({ getValue }) => time(getValue()),
    }),
    helper.accessor("created_at", {
      header: header("Created", "created_at"),
      cell: ({ getValue }) => time(getValue()),
    }),
    helper.accessor("link_url", {
      header: header("Link URL"),
      cell: ({ getValue }) => {
        const url = getValue();
        return url ? (
          <CopyButton value={url} label="Copy link URL" iconOnly size="icon" variant="ghost" />
        ) : (
          <span className="nil">—</span>
        );
      },
    }),
    helper.accessor((r) => r.tags.join(", "), {
      id: "tags",
      header: header("Tags"),
      cell: ({ row }) =>
        row.original.tags.length ? (
          <span className="flex flex-wrap gap-1">
            {row.original.tags.map((t) => (
              <Badge key={t} variant="outline" className="font-normal">
                {t}
              </Badge>
            ))}
          </span>
        ) : (
          <span className="nil">—</span>
        ),
    }),
    helper.display({
      id: "actions",
      header: () => <span className="sr-only">Actions</span>,
      cell: ({ row }) => <RowActionsMenu row={row.original} />,
    }),
  ]);
}
