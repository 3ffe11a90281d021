"use client";
// Bulk actions over the table: the ticked rows, or every row matching the current filter
// (resolved on the server, through the tenant scope, so "all" never means another tenant's).
import { Pause, Play } from "lucide-react";
import { useId, useState } from "react";
import { BulkRelinkDialog } from "@/components/relink/bulk-relink-dialog";
import { BulkTagDialog } from "@/components/tags/bulk-tag-dialog";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import type { BulkTarget } from "@/server/actions/bulk-pause.types";
import type { ConnectionFiltersInput } from "@/server/connections/list/filters.types";
import { BulkProgress } from "./bulk-progress";
import { ReasonDialog } from "./reason-dialog";
import { useCanWrite } from "./use-action-access";
import { useAfterAction } from "./use-after-action";
import { useBulkPauseRun, type BulkAction } from "./use-bulk-pause-run";

type Scope = "selected" | "matching";

/** Past this many rows, "all matching" asks for the count to be typed, so nobody pauses thousands by a slip. */
export const TYPE_TO_CONFIRM_OVER = 100;
const nf = new Intl.NumberFormat("en-US");
interface Pending {
  action: BulkAction;
  scope: Scope;
}

export function BulkActionsBar({
  selectedIds,
  matching,
  firstMatches,
  filters,
  onDone,
}: {
  selectedIds: string[];
  /** how many rows the current filter matches (a lower bound when not exact); null while counting */
  matching: { total: number; exact: boolean } | null;
  /** names of the first matching rows, in the table's order */
  firstMatches: string[];
  filters: ConnectionFiltersInput;
  onDone: () => void;
}) {
  const canWrite = useCanWrite();
  const afterAction = useAfterAction();
  // Refresh the data as soon as a run ends, but hand control back (onDone, which typically
  // clears the selection and so unmounts this bar) only when the user dismisses the summary.
  const run = useBulkPauseRun(afterAction);
  const [asking, setAsking] = useState<Pending | null>(null);
  const [typed, setTyped] = useState("");
  const typedId = useId();
  if (!canWrite) return null;

  const busy = run.state.phase === "running";
  const n = selectedIds.length;
  const targetOf = (scope: Scope): BulkTarget =>
    scope === "selected" ? { kind: "ids", ids: selectedIds } : { kind: "filter", filters };
  const go = (p: Pending, reason?: string) => {
    setAsking(null);
    void run.start(p.action, targetOf(p.scope), reason);
  };
  const what = (scope: Scope) =>
    scope === "selected"
      ? `the ${n} selected connection${n === 1 ? "" : "s"}`
      : matching
        ? `${matching.exact ? "" : "at least "}${nf.format(matching.total)} connection${matching.total === 1 ? "" : "s"}: every one matching the current filter`
        : "every connection matching the current filter";
  const ask = (p: Pending) => {
    setTyped("");
    setAsking(p);
  };
  // A large "all matching" run is confirmed by typing its count; an inexact count cannot be typed.
  const mustType =
    asking?.scope === "matching" && (matching === null || !matching.exact || matching.total > TYPE_TO_CONFIRM_OVER);
  const typedOk =
    !mustType || (matching !== null && matching.exact && typed.trim().replace(/,/g, "") === String(matching.total));

  return (
    <div className="space-y-2">
      <div role="toolbar" aria-label="Bulk actions" className="flex flex-wrap items-center gap-2">
        <span className="text-sm text-muted-foreground tabular-nums">{n} selected</span>
        <Button
          variant="outline"
          size="sm"
          disabled={busy || n === 0}
          onClick={() => ask({ action: "pause", scope: "selected" })}
        >
          <Pause aria-hidden="true" />
          Pause selected
        </Button>
        <Button
          variant="outline"
          size="sm"
          disabled={busy || n === 0}
          onClick={() => go({ action: "resume", scope: "selected" })}
        >
          <Play aria-hidden="true" />
          Resume selected
        </Button>
        <span className="mx-1 h-5 w-px bg-border" aria-hidden="true" />
        <Button variant="outline" size="sm" disabled={busy} onClick={() => ask({ action: "pause", scope: "matching" })}>
          Pause all matching
        </Button>
        <Button
          variant="outline"
          size="sm"
          disabled={busy}
          onClick={() => ask({ action: "resume", scope: "matching" })}
        >
          Resume all matching
        </Button>
        <BulkRelinkDialog selectedIds={selectedIds} onDone={onDone} />
        <BulkTagDialog selectedIds={selectedIds} filters={filters} onDone={afterAction} />
      </div>
      <BulkProgress
        state={run.state}
        onStop={run.stop}
        onDismiss={() => {
          run.reset();
          onDone();
        }}
      />
      <ReasonDialog
        open={asking !== null}
        onOpenChange={(open) => !open && setAsking(null)}
        title={asking?.action === "resume" ? "Resume connections?" : "Pause connections?"}
        description={`This ${asking?.action === "resume" ? "resumes" : "pauses"} ${asking ? what(asking.scope) : ""}. Connections already in that state are skipped; each change is audited.`}
        fieldLabel={asking?.action === "resume" ? "Note (optional)" : "Reason"}
        required={asking?.action !== "resume"}
        confirmLabel={asking?.action === "resume" ? "Resume" : "Pause"}
        confirmDisabled={!typedOk}
        onConfirm={(text) => asking && typedOk && go(asking, text || undefined)}
      >
        {asking?.scope === "matching" && firstMatches.length ? (
          <div className="text-sm">
            <p className="text-muted-foreground">Among them:</p>
            <ul className="mt-1 list-disc space-y-0.5 pl-5">
              {firstMatches.map((name, i) => (
                <li key={`${i}-${name}`} className="truncate">
                  {name}
                </li>
              ))}
            </ul>
            {matching && matching.total > firstMatches.length ? (
              <p className="mt-1 text-muted-foreground">
                …and {matching.exact ? "" : "at least "}
                {nf.format(matching.total - firstMatches.length)} more.
              </p>
            ) : null}
          </div>
        ) : null}
        {mustType ? (
          matching && matching.exact ? (
            <div className="grid gap-2">
              <Label htmlFor={typedId}>Type {nf.format(matching.total)} to confirm</Label>
              <Input
                id={typedId}
                inputMode="numeric"
                autoComplete="off"
                value={typed}
                onChange={(e) => setTyped(e.target.value)}
              />
            </div>
          ) : (
            <p role="alert" className="text-sm text-destructive-text">
              The number of matching connections is not known exactly yet: narrow the filter, or select the rows
              instead.
            </p>
          )
        ) : null}
      </ReasonDialog>
    </div>
  );
}
