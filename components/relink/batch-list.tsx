import Link from "next/link";
import { RelativeTime } from "@/components/ui/relative-time";
import type { BatchSummary } from "@/server/relink/relink.types";
import { BatchProgress } from "./batch-progress";

/** Bulk relink batches, newest first, each with its completion. */
export function BatchList({ batches, canWrite = true }: { batches: BatchSummary[]; canWrite?: boolean }) {
  if (batches.length === 0)
    return (
      <p className="text-sm text-muted-foreground">
        No bulk relink batches yet.{canWrite ? " Select connections in the table to create one." : ""}
      </p>
    );
  return (
    <ul className="grid gap-3 sm:grid-cols-2 xl:grid-cols-3">
      {batches.map((b) => (
        <li key={b.id} className="rounded-lg border p-4">
          <Link
            href={`/relink/batches/${b.id}`}
            className="mb-2 block text-sm font-medium text-primary underline underline-offset-4"
          >
            Batch of {b.total} · <RelativeTime value={b.created_at} focusable={false} />
          </Link>
          <p className="mb-3 text-xs text-muted-foreground">by {b.created_by}</p>
          <BatchProgress batch={b} />
        </li>
      ))}
    </ul>
  );
}
