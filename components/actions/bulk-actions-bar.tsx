"use client";
// Bulk actions over the table: the ticked rows, or every row matching the current filter
// (resolved on the server, through the tenant scope, so "all" never means another tenant's).
import { Pause, Play } from "lucide-react";
import { useState } from "react";
import { BulkRelinkDialog } from "@/components/relink/bulk-relink-dialog";
import { Button } from "@/components/ui/button";
import type { BulkTarget } from "@/server/actions/bulk-pause.types";
import type { ConnectionFiltersInput } from "@/server/connections/list/filters.types";
import { BulkProgress } from "./bulk-progress";
import { ReasonDialog } from "./reason-dialog";
import { useCanWrite } from "./use-action-access";
import { useAfterAction } from "./use-after-action";
import { useBulkPauseRun, type BulkAction } from "./use-bulk-pause-run";

type Scope = "selected" | "matching";
interface Pending {
  action: BulkAction;
  scope: Scope;
}

export function BulkActionsBar({
  selectedIds,
  filters,
  onDone,
}: {
  selectedIds: string[];
  filters: ConnectionFiltersInput;
  onDone: () => void;
}) {
  const canWrite = useCanWrite();
  const afterAction = useAfterAction();
  // Refresh the data as soon as a run ends, but hand control back (onDone, which typically
  // clears the selection and so unmounts this bar) only when the user dismisses the summary.
  const run = useBulkPauseRun(afterAction);
  const [asking, setAsking] = useState<Pending | null>(null);
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
      : "every connection matching the current filter";

  return (
    <div className="space-y-2">
      <div role="toolbar" aria-label="Bulk actions" className="flex flex-wrap items-center gap-2">
        <span className="text-sm text-muted-foreground tabular-nums">{n} selected</span>
        <Button
          variant="outline"
          size="sm"
          disabled={busy || n === 0}
          onClick={() => setAsking({ action: "pause", scope: "selected" })}
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
        <Button
          variant="outline"
          size="sm"
          disabled={busy}
          onClick={() => setAsking({ action: "pause", scope: "matching" })}
        >
          Pause all matching
        </Button>
        <Button
          variant="outline"
          size="sm"
          disabled={busy}
          onClick={() => setAsking({ action: "resume", scope: "matching" })}
        >
          Resume all matching
        </Button>
        <BulkRelinkDialog selectedIds={selectedIds} onDone={onDone} />
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
        onConfirm={(text) => asking && go(asking, text || undefined)}
      />
    </div>
  );
}
