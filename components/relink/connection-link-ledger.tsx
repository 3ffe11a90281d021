"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc-client";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { toast } from "@/components/ui/toast";
import type { LedgerRow } from "@/server/relink/relink.types";
import { errorMessage } from "./expiry-choices";
import { IssuedLinkView } from "./issued-link-view";
import { RelinkLedgerTable } from "./relink-ledger-table";

/** One connection's links: who made each, for whom, what happened; revoke and resend. */
export function ConnectionLinkLedger({ rows, canWrite }: { rows: LedgerRow[]; canWrite: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.relink.pathKey() });
  const [resent, setResent] = useState<{
    url: string;
    expiresAt: string;
    sentTo: string | null;
    email?: { sent: boolean; error: string | null };
  } | null>(null);
  const onError = (e: unknown) =>
    toast({ title: "Could not change the link", description: errorMessage(e), variant: "destructive" });
  const revoke = useMutation(
    trpc.relink.revoke.mutationOptions({
      onSuccess: () => (toast({ title: "Link revoked", variant: "success" }), refresh()),
      onError,
    }),
  );
  const resend = useMutation(
    trpc.relink.resend.mutationOptions({ onSuccess: (link) => (setResent(link), refresh()), onError }),
  );
  // A used link is history: nothing to revoke or resend.
  const actions = (r: LedgerRow) =>
    r.state === "used" ? null : (
      <div className="flex justify-end gap-1">
        {r.state === "open" ? (
          <Button size="sm" variant="ghost" disabled={revoke.isPending} onClick={() => revoke.mutate({ linkId: r.id })}>
            Revoke
          </Button>
        ) : null}
        <Button
          size="sm"
          variant="outline"
          disabled={resend.isPending}
          onClick={() => resend.mutate({ linkId: r.id, sendEmail: r.sent_to !== null })}
        >
          Resend
        </Button>
      </div>
    );

  return (
    <>
      <RelinkLedgerTable
        rows={rows}
        label="Relink links"
        empty={<p className="text-sm text-muted-foreground">No relink links yet.</p>}
        showConnection={false}
        combinedOutcome
        actions={canWrite ? actions : undefined}
      />
      <Dialog open={resent !== null} onOpenChange={(o) => !o && setResent(null)}>
        <DialogContent>
          <DialogHeader>
            <DialogTitle>New link created</DialogTitle>
            <DialogDescription>
              The previous link no longer works.{" "}
              {resent?.email?.sent ? "The new one was e-mailed." : "Send this one instead."}
            </DialogDescription>
          </DialogHeader>
          {resent ? <IssuedLinkView {...resent} /> : null}
        </DialogContent>
      </Dialog>
    </>
  );
}
