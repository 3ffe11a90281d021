import Link from "next/link";
import { RelativeTime } from "@/components/ui/relative-time";
import type { BatchSummary } from "@/server/relink/relink.types";
import { BatchProgress } from "./batch-progress";

/** Bulk relink batches, newest first, each with its completion. */
export function BatchList({ batches }: { batches: BatchSummary[] }) {
  if (batches.length === 0)
    return (
      <p className="text-sm text-muted-foreground">
        No bulk relink batches yet. Select connections in the table to create one.
      </p>
    );
  return (
    <ul className="grid gap-3 sm:grid-cols-2 xl:grid-cols-3">
      {batches.map((b) => (
        <li key={b.id} className="rounded-lg border p-4">
          <Link href={`/relink/batches/${b.id}`} className="mb-2 block text-sm font-medium hover:underline">
            Batch of {b.total} · <RelativeTime value={b.created_at} />
          </Link>
          <p className="mb-3 text-xs text-muted-foreground">by {b.created_by}</p>
          <BatchProgress batch={b} />
        </li>
      ))}
    </ul>
  );
}
