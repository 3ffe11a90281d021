"use client";
// One run in the history table; expands to its parameters (collapsible JSON) and error.
import { ChevronRight } from "lucide-react";
import * as React from "react";
import { cn } from "@/components/ui/cn";
import { JsonViewer } from "@/components/ui/json-viewer";
import { RelativeTime } from "@/components/ui/relative-time";
import { TableCell, TableRow } from "@/components/ui/table";
import type { ConnectionRunView } from "@/server/connections/detail/detail.types";
import { formatDuration } from "./format-duration";
import { RunStatusBadge } from "./run-status-badge";

export const RUN_COLUMNS = 8;

export function RunRow({
  run,
  base,
  target,
  onBase,
  onTarget,
}: {
  run: ConnectionRunView;
  base: boolean;
  target: boolean;
  onBase: () => void;
  onTarget: () => void;
}) {
  const [open, setOpen] = React.useState(false);
  const detailsId = `run-${run.id}-details`;
  return (
    <>
      <TableRow data-state={base || target ? "selected" : undefined}>
        <TableCell className="whitespace-nowrap">
          <input
            type="radio"
            name="diff-base"
            checked={base}
            onChange={onBase}
            aria-label={`Base: ${run.job_id}`}
            title="Compare from this run (base)"
            className="mr-2 accent-primary"
          />
          <input
            type="radio"
            name="diff-target"
            checked={target}
            onChange={onTarget}
            aria-label={`Target: ${run.job_id}`}
            title="Compare to this run (target)"
            className="accent-primary"
          />
        </TableCell>
        <TableCell>
          <button
            type="button"
            onClick={() => setOpen(!open)}
            aria-expanded={open}
            aria-controls={detailsId}
            className="inline-flex items-center gap-1 rounded-sm font-mono text-xs hover:underline focus-visible:outline-hidden focus-visible:ring-2 focus-visible:ring-ring"
          >
            <ChevronRight aria-hidden="true" className={cn("size-4 transition-transform", open && "rotate-90")} />
            {run.job_id}
          </button>
        </TableCell>
        <TableCell>
          <RunStatusBadge status={run.status} />
        </TableCell>
        <TableCell>
          <RelativeTime value={run.started_at} />
        </TableCell>
        <TableCell>{formatDuration(run.duration_ms)}</TableCell>
        <TableCell>{run.run_by ?? "—"}</TableCell>
        <TableCell className="whitespace-nowrap text-muted-foreground">
          {run.records_read ?? "—"} → {run.records_written ?? "—"}
        </TableCell>
        <TableCell className="max-w-[24rem] truncate text-destructive-text" title={run.error_message ?? undefined}>
          {run.error_message ?? ""}
        </TableCell>
      </TableRow>
      {open ? (
        <TableRow id={detailsId} className="hover:bg-transparent">
          <TableCell colSpan={RUN_COLUMNS} className="bg-muted/20">
            <div className="grid gap-3 py-2 lg:grid-cols-2">
              <div>
                <h3 className="mb-1 text-xs font-medium text-muted-foreground">
                  Source parameters {run.source_status ? `(${run.source_status})` : ""}
                </h3>
                <JsonViewer value={run.source_parameters} defaultExpandDepth={2} />
              </div>
              <div>
                <h3 className="mb-1 text-xs font-medium text-muted-foreground">
                  Destination parameters {run.destination_status ? `(${run.destination_status})` : ""}
                </h3>
                <JsonViewer value={run.destination_parameters} defaultExpandDepth={2} />
              </div>
              {run.error_message ? (
                <p className="text-sm text-destructive-text lg:col-span-2">{run.error_message}</p>
              ) : null}
              {run.extra !== null ? (
                <div className="lg:col-span-2">
                  <h3 className="mb-1 text-xs font-medium text-muted-foreground">Everything else the platform sent</h3>
                  <JsonViewer value={run.extra} />
                </div>
              ) : null}
              <p className="text-xs text-muted-foreground lg:col-span-2">
                Finished <RelativeTime value={run.finished_at} /> · run id <span className="font-mono">{run.id}</span>
              </p>
            </div>
          </TableCell>
        </TableRow>
      ) : null}
    </>
  );
}
