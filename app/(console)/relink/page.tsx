import Link from "next/link";
import { BatchList } from "@/components/relink/batch-list";
import { LedgerStateFilter } from "@/components/relink/ledger-state-filter";
import { RelinkLedgerTable } from "@/components/relink/relink-ledger-table";
import { buttonClassName } from "@/components/ui/button";
import { getServerCaller } from "@/server/caller";
import { LINK_STATES } from "@/lib/constants";
import { isStaff } from "@/lib/roles";

export const metadata = { title: "Relink" };

export default async function RelinkPage({
  searchParams,
}: {
  searchParams: Promise<{ state?: string; cursor?: string }>;
}) {
  const params = await searchParams;
  const state = LINK_STATES.find((s) => s === params.state) ?? null;
  const caller = await getServerCaller();
  const [me, ledger, batches] = await Promise.all([
    caller.me.get(),
    caller.relink.ledger({ state, cursor: params.cursor ?? null, limit: 50 }),
    caller.relink.batches(),
  ]);
  return (
    <div className="space-y-8">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold tracking-tight">Relink</h1>
        <p className="text-sm text-muted-foreground">
          Every relink link: who created it, for whom, and whether the customer opened or used it.
        </p>
      </div>
      <section className="space-y-3" aria-labelledby="batches-heading">
        <h2 id="batches-heading" className="text-lg font-semibold">
          Bulk batches
        </h2>
        <BatchList batches={batches} />
      </section>
      <section className="space-y-3" aria-labelledby="ledger-heading">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 id="ledger-heading" className="text-lg font-semibold">
            Ledger
          </h2>
          <LedgerStateFilter current={state} basePath="/relink" />
        </div>
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
