"use client";
// The audit log table: when (in the reader's zone, UTC on hover and focus), who, what, on which
// connection, and what changed in words. A bulk run is one row that opens to its events.
import { ChevronRight } from "lucide-react";
import Link from "next/link";
import { Fragment, useState } from "react";
import { cn } from "@/components/ui/cn";
import { RelativeTime } from "@/components/ui/relative-time";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { AuditEvent } from "@/server/audit/list.types";
import { actionLabel } from "./audit-labels";
import { ChangeList } from "./change-list";
import { groupBulkRuns } from "./group-bulk-runs";

const linkClass = "text-primary underline underline-offset-4 hover:decoration-2";

function EventRow({ e, showTenant, nested = false }: { e: AuditEvent; showTenant: boolean; nested?: boolean }) {
  return (
    <TableRow data-audit-id={e.id} className={nested ? "bg-muted/30" : undefined}>
      <TableCell className={cn("whitespace-nowrap align-top", nested && "pl-8")}>
        <RelativeTime value={e.at} mode="local" />
      </TableCell>
      <TableCell className="min-w-40 break-words align-top" title={e.actor_id}>
        {e.actor_label}
      </TableCell>
      <TableCell className="align-top">
        <span className="font-medium">{actionLabel(e.action)}</span>
        <span className="block font-mono text-xs text-muted-foreground">{e.action}</span>
      </TableCell>
      {showTenant ? <TableCell className="whitespace-nowrap align-top">{e.tenant_name ?? "—"}</TableCell> : null}
      <TableCell className="align-top">
        {e.connection_id ? (
          <Link href={`/connections/${encodeURIComponent(e.connection_id)}`} className={linkClass}>
            {e.connection_name ?? e.connection_id}
          </Link>
        ) : (
          <span className="text-muted-foreground">—</span>
        )}
      </TableCell>
      <TableCell className="min-w-56 align-top">
        <ChangeList before={e.before} after={e.after} />
      </TableCell>
      <TableCell className="min-w-40 max-w-72 break-words align-top text-sm">{e.note ?? ""}</TableCell>
    </TableRow>
  );
}

function BulkRow({ events, showTenant }: { events: AuditEvent[]; showTenant: boolean }) {
  const [open, setOpen] = useState(false);
  const first = events[0];
  if (!first) return null;
  const tenants = [...new Set(events.map((e) => e.tenant_name ?? "—"))];
  return (
    <>
      <TableRow className="bg-muted/20">
        <TableCell className="whitespace-nowrap align-top">
          <RelativeTime value={first.at} mode="local" />
        </TableCell>
        <TableCell className="min-w-40 break-words align-top" title={first.actor_id}>
          {first.actor_label}
        </TableCell>
        <TableCell className="align-top" colSpan={showTenant ? 3 : 2}>
          <button
            type="button"
            aria-expanded={open}
            onClick={() => setOpen(!open)}
            className="inline-flex items-start gap-1 rounded-sm text-left focus-visible:outline-hidden focus-visible:ring-2 focus-visible:ring-ring"
          >
            <ChevronRight
              aria-hidden="true"
              className={cn("mt-0.5 size-4 shrink-0 transition-transform", open && "rotate-90")}
            />
            <span>
              <span className="font-medium">
                {actionLabel(first.action)}: {events.length} connections
              </span>
              <span className="block text-xs text-muted-foreground">
                One bulk run{showTenant ? ` · ${tenants.join(", ")}` : ""} · {open ? "hide" : "show"} its rows
              </span>
            </span>
          </button>
        </TableCell>
        <TableCell className="min-w-56 align-top">
          <ChangeList before={first.before} after={first.after} />
        </TableCell>
        <TableCell className="min-w-40 max-w-72 break-words align-top text-sm">{first.note ?? ""}</TableCell>
      </TableRow>
      {open ? events.map((e) => <EventRow key={e.id} e={e} showTenant={showTenant} nested />) : null}
    </>
  );
}

export function AuditTable({ rows, showTenant }: { rows: AuditEvent[]; showTenant: boolean }) {
  if (rows.length === 0)
    return (
      <p className="rounded-md border p-6 text-center text-sm text-muted-foreground">
        No audit events match these filters.
      </p>
    );
  return (
    <div className="rounded-md border">
      <Table aria-label="Audit log">
        <TableHeader>
          <TableRow>
            <TableHead>When (your time)</TableHead>
            <TableHead>Actor</TableHead>
            <TableHead>Action</TableHead>
            {showTenant ? <TableHead>Tenant</TableHead> : null}
            <TableHead>Connection</TableHead>
            <TableHead>Change</TableHead>
            <TableHead>Note</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {groupBulkRuns(rows).map((entry) => (
            <Fragment key={entry.kind === "bulk" ? entry.run : entry.event.id}>
              {entry.kind === "bulk" ? (
                <BulkRow events={entry.events} showTenant={showTenant} />
              ) : (
                <EventRow e={entry.event} showTenant={showTenant} />
              )}
            </Fragment>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
