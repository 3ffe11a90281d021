"use client";
// Progress of a bulk run and, when it ends, what changed and what was skipped.
import { Button } from "@/components/ui/button";
import type { BulkRunState } from "./use-bulk-pause-run";

const verb = {
  pause: { done: "Paused", already: "already paused" },
  resume: { done: "Resumed", already: "already running" },
} as const;

export function BulkProgress({
  state,
  onStop,
  onDismiss,
}: {
  state: BulkRunState;
  onStop: () => void;
  onDismiss: () => void;
}) {
  if (state.phase === "idle") return null;
  const total = state.total ?? 0;
  const percent = total > 0 ? Math.round((state.processed / total) * 100) : state.phase === "running" ? 0 : 100;
  const words = verb[state.action];
  const summary = [
    `${words.done} ${state.changed}`,
    `${state.skipped} skipped (${words.already})`,
    ...(state.notFound ? [`${state.notFound} not found`] : []),
  ].join(" · ");
  return (
    <div className="flex flex-wrap items-center gap-3 rounded-md border bg-muted/40 px-3 py-2 text-sm">
      <div
        role="progressbar"
        aria-label={`Bulk ${state.action} progress`}
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={state.processed}
        className="h-2 w-40 overflow-hidden rounded-full bg-muted"
      >
        <div className="h-full bg-primary transition-[width]" style={{ width: `${percent}%` }} />
      </div>
      <p role="status" aria-live="polite" className="tabular-nums">
        {state.phase === "running" ? `Working… ${state.processed} of ${total} · ` : null}
        {state.phase === "done" ? "Done: " : null}
        {state.phase === "stopped" ? `Stopped after ${state.processed} of ${total}: ` : null}
        {state.phase === "failed" ? `Failed after ${state.processed} of ${total} (${state.error ?? "error"}): ` : null}
        {summary}
      </p>
      {state.phase === "running" ? (
        <Button variant="outline" size="sm" onClick={onStop}>
          Stop
        </Button>
      ) : (
        <Button variant="ghost" size="sm" onClick={onDismiss}>
          Dismiss
        </Button>
      )}
    </div>
  );
}
