import Link from "next/link";
import { BatchList } from "@/components/relink/batch-list";
import { LedgerStateFilter } from "@/components/relink/ledger-state-filter";
import { RelinkLedgerTable } from "@/components/relink/relink-ledger-table";
import { buttonClassName } from "@/components/ui/button";
import { getServerCaller } from "@/server/caller";
import { loadLedgerPage } from "@/server/relink/ledger-page";
import { canWrite, isStaff } from "@/lib/roles";

export const metadata = { title: "Relink links" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function RelinkPage({ searchParams }: { searchParams: SearchParams }) {
  const caller = await getServerCaller();
  const [me, { state, ledger, notice }, batches] = await Promise.all([
    caller.me.get(),
    loadLedgerPage(caller, await searchParams),
    caller.relink.batches(),
  ]);
  return (
    <div className="space-y-8">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold tracking-tight">Relink links</h1>
        <p className="text-sm text-muted-foreground">
          Every relink link: who created it, for whom, and whether the customer opened or used it.
        </p>
      </div>
      {canWrite(me) ? null : (
        <p role="note" className="rounded-md border bg-muted/50 p-3 text-sm">
          You have read-only access. Here you can see every relink link
          {me.tenantName ? ` of ${me.tenantName}` : ""}, who it was for, and whether the customer opened or used it.
          Creating, sending and revoking links is done by support or your tenant admin: ask them, naming the connection.
        </p>
      )}
      <section className="space-y-3" aria-labelledby="batches-heading">
        <h2 id="batches-heading" className="text-lg font-semibold">
          Bulk batches
        </h2>
        <BatchList batches={batches} canWrite={canWrite(me)} />
      </section>
      <section className="space-y-3" aria-labelledby="ledger-heading">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 id="ledger-heading" className="text-lg font-semibold">
            Ledger
          </h2>
          <LedgerStateFilter current={state} basePath="/relink" />
        </div>
        {notice ? (
          <p role="status" className="text-sm text-muted-foreground">
            {notice}
          </p>
        ) : null}
        <RelinkLedgerTable rows={ledger.rows} showTenant={isStaff(me)} />
        {ledger.nextCursor ? (
          <Link
            className={buttonClassName("outline", "sm")}
            href={`?${new URLSearchParams({ ...(state ? { state } : {}), cursor: ledger.nextCursor })}`}
          >
            Older links
          </Link>
        ) : null}
      </section>
    </div>
  );
}
