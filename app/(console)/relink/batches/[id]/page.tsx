import { TRPCError } from "@trpc/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { BatchProgress } from "@/components/relink/batch-progress";
import { RelinkLedgerTable } from "@/components/relink/relink-ledger-table";
import { getServerCaller } from "@/server/caller";
import { isStaff } from "@/lib/roles";

export const metadata = { title: "Relink batch" };

export default async function RelinkBatchPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const caller = await getServerCaller();
  const batch = await caller.relink.batch({ batchId: id }).catch((error: unknown) => {
    // A malformed id (BAD_REQUEST, e.g. a NUL in the path) is as unknown as a missing one.
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) return null;
    throw error;
  });
  if (!batch) notFound();
  const [me, ledger] = await Promise.all([caller.me.get(), caller.relink.ledger({ batchId: id, limit: 200 })]);
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <Link href="/relink" className="text-sm text-muted-foreground hover:underline">
          ← Relink
        </Link>
        <h1 className="text-2xl font-semibold tracking-tight">Bulk relink batch</h1>
        <p className="text-sm text-muted-foreground">
          Created {new Date(batch.created_at).toLocaleString()} by {batch.created_by}; links expire{" "}
          {new Date(batch.expires_at).toLocaleString()}.
        </p>
      </div>
      <div className="max-w-xl rounded-lg border p-4">
        <BatchProgress batch={batch} />
      </div>
      <RelinkLedgerTable rows={ledger.rows} showTenant={isStaff(me)} />
    </div>
  );
}
