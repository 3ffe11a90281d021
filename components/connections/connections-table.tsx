"use client";
// The connections list: server-side sort and keyset paging, state in the URL.
import { createColumnHelper, tableFeatures, useTable } from "@tanstack/react-table";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { RelativeTime } from "@/components/ui/relative-time";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { ConnectionListRow } from "@/server/connections/list.types";
import { NeedsRelinkBadge, PausedBadges, StatusBadge } from "./status-badge";

const features = tableFeatures({});
const helper = createColumnHelper<typeof features, ConnectionListRow>();

function columnsFor(showTenant: boolean) {
  return helper.columns([
    helper.accessor("name", {
      header: "Connection",
      cell: ({ row }) => (
        <div className="min-w-0">
          <Link href={`/connections/${row.original.id}`} className="font-medium hover:underline">
            {row.original.name}
          </Link>
          <div className="truncate font-mono text-xs text-muted-foreground">{row.original.id}</div>
        </div>
      ),
    }),
    ...(showTenant ? [helper.accessor("tenant_name", { header: "Tenant" })] : []),
    helper.accessor("integration_name", { header: "Provider", cell: ({ row }) => row.original.integration_name ?? row.original.provider }),
    helper.accessor("platform", { header: "Platform" }),
    helper.accessor("status", {
      header: "Status",
      cell: ({ row }) => (
        <div className="flex flex-wrap items-center gap-1">
          <StatusBadge status={row.original.status} />
          {row.original.needs_relink ? <NeedsRelinkBadge /> : null}
          <PausedBadges userPaused={row.original.user_paused} platformPaused={row.original.platform_paused} />
        </div>
      ),
    }),
    helper.accessor("open_error_count", { header: "Open errors" }),
    helper.accessor("last_sync_at", { header: "Last sync", cell: ({ getValue }) => <RelativeTime value={getValue()} /> }),
    helper.accessor("updated_at", { header: "Updated", cell: ({ getValue }) => <RelativeTime value={getValue()} /> }),
  ]);
}

export function ConnectionsTable({ rows, showTenant }: { rows: ConnectionListRow[]; showTenant: boolean }) {
  const router = useRouter();
  const table = useTable({ features, columns: columnsFor(showTenant), data: rows, getRowId: (row) => row.id });
  return (
    <Table>
      <TableHeader>
        {table.getHeaderGroups().map((group) => (
          <TableRow key={group.id}>
            {group.headers.map((header) => (
              <TableHead key={header.id}>{header.isPlaceholder ? null : <table.FlexRender header={header} />}</TableHead>
            ))}
          </TableRow>
        ))}
      </TableHeader>
      <TableBody>
        {table.getRowModel().rows.map((row) => (
          <TableRow
            key={row.id}
            tabIndex={0}
            className="cursor-pointer"
            onClick={(e) => {
              if (!(e.target instanceof HTMLElement && e.target.closest("a,button"))) router.push(`/connections/${row.id}`);
            }}
            onKeyDown={(e) => {
              if (e.key === "Enter") router.push(`/connections/${row.id}`);
            }}
          >
            {row.getAllCells().map((cell) => (
              <TableCell key={cell.id}>
                <table.FlexRender cell={cell} />
              </TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
