import type { BatchSummary } from "@/server/relink/relink.types";

/** "3 of 10 completed" with a bar, and the other outcomes counted beside it. */
export function BatchProgress({ batch }: { batch: BatchSummary }) {
  const pct = batch.total ? Math.round((batch.used / batch.total) * 100) : 0;
  return (
    <div className="flex flex-col gap-1.5">
      <div className="flex items-baseline justify-between gap-4 text-sm">
        <span>
          <strong>{batch.used}</strong> of {batch.total} completed
        </span>
        <span className="text-xs text-muted-foreground">
          {batch.opened} opened · {batch.expired} expired · {batch.revoked} revoked
        </span>
      </div>
      <div
        className="h-2 overflow-hidden rounded-full bg-muted"
        role="progressbar"
        aria-label="Completed"
        aria-valuemin={0}
        aria-valuemax={batch.total}
        aria-valuenow={batch.used}
      >
        <div className="h-full bg-success" style={{ width: `${pct}%` }} />
      </div>
    </div>
  );
}
