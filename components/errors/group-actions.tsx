"use client";
// One-step actions on an error group: resolve all its errors, pause all its connections, create
// relink links for those that need one — each run in steps with progress and a summary.
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useCallback, useState } from "react";
import { ReasonDialog } from "@/components/actions/reason-dialog";
import { useTRPC } from "@/components/providers/trpc-client";
import { Button } from "@/components/ui/button";
import { usePageActions } from "@/components/shell/page-actions";
import { GroupRunProgress } from "./group-run-progress";
import { useGroupRun } from "./use-group-run";

export function GroupActions({
  groupId,
  errors,
  connections,
  needsRelink,
  canWrite,
}: {
  /** from the page's session: the controls render with the page, not after a query */
  canWrite: boolean;
  groupId: string;
  errors: number;
  connections: number;
  needsRelink: number;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const resolve = useMutation(trpc.errorGroups.resolveStep.mutationOptions());
  const relink = useMutation(trpc.errorGroups.relinkStep.mutationOptions());
  const pause = useMutation(trpc.actions.bulkSetPaused.mutationOptions());
  const refresh = useCallback(() => router.refresh(), [router]);
  const run = useGroupRun(refresh);
  const [dialog, setDialog] = useState<"resolve" | "pause" | "relink" | null>(null);
  const busy = run.state.phase === "running";
  usePageActions(
    !canWrite || busy
      ? []
      : [
          ...(errors > 0
            ? [{ id: "group.resolve", label: "Resolve all errors in this group…", run: () => setDialog("resolve") }]
            : []),
          ...(needsRelink > 0
            ? [{ id: "group.relink", label: "Create relink links for this group…", run: () => setDialog("relink") }]
            : []),
          ...(connections > 0
            ? [{ id: "group.pause", label: "Pause all connections in this group…", run: () => setDialog("pause") }]
            : []),
        ],
  );
  if (!canWrite) return null;

  const startResolve = (note: string) => {
    setDialog(null);
    void run.start("resolve", errors, async () => {
      const r = await resolve.mutateAsync({ id: groupId, note });
      return { ...r, total: r.remaining + r.changed };
    });
  };
  const startPause = (reason: string) => {
    setDialog(null);
    let cursor: string | null = null;
    let jobId: string | null = null;
    void run.start("pause", connections, async () => {
      const r = await pause.mutateAsync({
        action: "pause",
        reason,
        target: { kind: "filter", filters: { errorGroup: groupId } },
        cursor,
        jobId,
      });
      cursor = r.nextCursor;
      jobId = r.jobId;
      return {
        processed: r.processed,
        changed: r.changed,
        done: r.done,
        total: r.total,
        skipped: Array.from({ length: r.skipped }, () => ({ connectionId: "", reason: "already paused" })),
      };
    });
  };
  const startRelink = (email: string) => {
    setDialog(null);
    let after: string | null = null;
    void run.start("relink", needsRelink, async () => {
      const r = await relink.mutateAsync({ id: groupId, after, recipientEmail: email || null });
      after = r.last;
      return r;
    });
  };

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap gap-2">
        <Button onClick={() => setDialog("resolve")} disabled={busy || errors === 0}>
          Resolve all {errors.toLocaleString("en")} errors
        </Button>
        <Button variant="outline" onClick={() => setDialog("relink")} disabled={busy || needsRelink === 0}>
          Create relink links ({needsRelink.toLocaleString("en")})
        </Button>
        <Button variant="outline" onClick={() => setDialog("pause")} disabled={busy || connections === 0}>
          Pause all {connections.toLocaleString("en")} connections
        </Button>
      </div>
      <GroupRunProgress state={run.state} onStop={run.stop} onDismiss={run.dismiss} />
      <ReasonDialog
        open={dialog === "resolve"}
        onOpenChange={(o) => setDialog(o ? "resolve" : null)}
        title="Resolve every error in this group"
        description={`${errors.toLocaleString("en")} active errors on ${connections.toLocaleString("en")} connections are marked resolved, with your note, and each connection's health is recomputed.`}
        fieldLabel="Note"
        confirmLabel="Resolve all"
        onConfirm={startResolve}
      />
      <ReasonDialog
        open={dialog === "pause"}
        onOpenChange={(o) => setDialog(o ? "pause" : null)}
        title="Pause every connection in this group"
        description={`${connections.toLocaleString("en")} connections with an active error in this group are paused.`}
        fieldLabel="Reason"
        confirmLabel="Pause all"
        onConfirm={startPause}
      />
      <ReasonDialog
        open={dialog === "relink"}
        onOpenChange={(o) => setDialog(o ? "relink" : null)}
        title="Create relink links"
        description={`A link for each of the ${needsRelink.toLocaleString("en")} connections in this group that need relink (open links are replaced). Give an address to e-mail them to, or leave it empty.`}
        fieldLabel="E-mail the links to (optional)"
        confirmLabel="Create links"
        required={false}
        onConfirm={startRelink}
      />
    </div>
  );
}
