"use client";
// Progress of a group action and, when it ends, what changed and what was skipped.
import Link from "next/link";
import { Button } from "@/components/ui/button";
import type { GroupRunState } from "./use-group-run";

const WORDS = {
  resolve: { title: "Resolve all", done: "resolved", unit: "errors" },
  pause: { title: "Pause all", done: "paused", unit: "connections" },
  relink: { title: "Relink links", done: "links created", unit: "connections" },
} as const;

export function GroupRunProgress({
  state,
  onStop,
  onDismiss,
}: {
  state: GroupRunState;
  onStop: () => void;
  onDismiss: () => void;
}) {
  if (state.phase === "idle") return null;
  const w = WORDS[state.action];
  const total = Math.max(state.total, state.processed);
  const percent = total > 0 ? Math.round((state.processed / total) * 100) : state.phase === "running" ? 0 : 100;
  const reasons = new Map<string, number>();
  for (const s of state.skipped) reasons.set(s.reason, (reasons.get(s.reason) ?? 0) + 1);
  const prefix = {
    running: `Working… ${state.processed} of ${total} ${w.unit} · `,
    done: "Done: ",
    stopped: `Stopped after ${state.processed} of ${total}: `,
    failed: `Failed after ${state.processed} of ${total} (${state.error ?? "error"}): `,
  }[state.phase];
  return (
    <div className="space-y-2 rounded-md border bg-muted/40 px-3 py-2 text-sm" data-testid="group-run">
      <div className="flex flex-wrap items-center gap-3">
        <div
          role="progressbar"
          aria-label={`${w.title} progress`}
          aria-valuemin={0}
          aria-valuemax={total}
          aria-valuenow={state.processed}
          className="h-2 w-40 overflow-hidden rounded-full bg-muted"
        >
          <div className="h-full bg-primary transition-[width]" style={{ width: `${percent}%` }} />
        </div>
        <p role="status" aria-live="polite" className="tabular-nums">
          {prefix}
          {state.changed} {w.done}
          {state.skipped.length ? ` · ${state.skipped.length} skipped` : ""}
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
      {reasons.size ? (
        <ul className="text-xs text-muted-foreground">
          {[...reasons].map(([reason, n]) => (
            <li key={reason}>
              {n} skipped: {reason}
            </li>
          ))}
        </ul>
      ) : null}
      {state.batchIds.length ? (
        <p className="text-xs">
          {state.batchIds.map((id) => (
            <Link key={id} href={`/relink/batches/${id}`} className="mr-3 text-primary underline underline-offset-4">
              Batch {id}
            </Link>
          ))}
        </p>
      ) : null}
    </div>
  );
}
