"use client";
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/providers/trpc-client";
import { Skeleton } from "@/components/ui/skeleton";
import { ConnectionLinkLedger } from "./connection-link-ledger";
import { CreateLinkDialog } from "./create-link-dialog";

export interface RelinkPanelProps {
  connectionId: string;
  needsRelink: boolean;
  canWrite: boolean;
}

/**
 * The detail page's relink section body: create a link for the customer, and this connection's
 * ledger. No heading of its own: the page's section supplies it. For a compact call to action
 * elsewhere (e.g. an attention callout) render <CreateLinkDialog> alone.
 */
export function RelinkPanel({ connectionId, needsRelink, canWrite }: RelinkPanelProps) {
  const trpc = useTRPC();
  const ledger = useQuery(trpc.relink.forConnection.queryOptions({ connectionId }));
  return (
    <div className="flex flex-col gap-4">
      {canWrite ? (
        <div className="flex flex-wrap items-center gap-3">
          <CreateLinkDialog connectionId={connectionId} emphasise={needsRelink} />
          <p className="text-sm text-muted-foreground">
            The customer opens it, signs in to the provider, and the connection works again. No account needed.
          </p>
        </div>
      ) : null}
      {ledger.isPending ? (
        <Skeleton className="h-16 w-full" />
      ) : ledger.error ? (
        <p role="alert" className="text-sm text-destructive-text">
          Could not load the relink links.
        </p>
      ) : (
        <ConnectionLinkLedger rows={ledger.data} canWrite={canWrite} />
      )}
    </div>
  );
}
