"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc-client";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { RelativeTime } from "@/components/ui/relative-time";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { toast } from "@/components/ui/toast";
import type { LedgerRow } from "@/server/relink/relink.types";
import { errorMessage } from "./expiry-choices";
import { IssuedLinkView } from "./issued-link-view";
import { LinkStateBadge } from "./link-state-badge";

/** One connection's links: who made each, for whom, what happened; revoke and resend. */
export function ConnectionLinkLedger({ rows, canWrite }: { rows: LedgerRow[]; canWrite: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.relink.pathKey() });
  const [resent, setResent] = useState<{ url: string; expiresAt: string; sentTo: string | null } | null>(null);
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

  if (rows.length === 0) return <p className="text-sm text-muted-foreground">No relink links yet.</p>;
  return (
    <>
      <Table aria-label="Relink links">
        <TableHeader>
          <TableRow>
            <TableHead>State</TableHead>
            <TableHead>Created</TableHead>
            <TableHead>For</TableHead>
            <TableHead>Expires</TableHead>
            <TableHead>Opened</TableHead>
            <TableHead>Used / revoked</TableHead>
            {canWrite ? <TableHead className="text-right">Actions</TableHead> : null}
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((r) => (
            <TableRow key={r.id}>
              <TableCell>
                <LinkStateBadge state={r.state} opened={r.opened_at !== null} />
              </TableCell>
              <TableCell>
                <RelativeTime value={r.created_at} />
                <div className="text-xs text-muted-foreground">by {r.created_by}</div>
              </TableCell>
              <TableCell>{r.sent_to ?? <span className="text-muted-foreground">—</span>}</TableCell>
              <TableCell>
                <RelativeTime value={r.expires_at} />
              </TableCell>
              <TableCell>
                <RelativeTime value={r.opened_at} />
              </TableCell>
              <TableCell>
                <Outcome row={r} />
              </TableCell>
              {canWrite ? (
                <TableCell className="text-right">
                  {r.state !== "used" ? (
                    <div className="flex justify-end gap-1">
                      {r.state === "open" ? (
                        <Button
                          size="sm"
                          variant="ghost"
                          disabled={revoke.isPending}
                          onClick={() => revoke.mutate({ linkId: r.id })}
                        >
                          Revoke
                        </Button>
                      ) : null}
                      <Button
                        size="sm"
                        variant="outline"
                        disabled={resend.isPending}
                        onClick={() => resend.mutate({ linkId: r.id })}
                      >
                        Resend
                      </Button>
                    </div>
                  ) : null}
                </TableCell>
              ) : null}
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Dialog open={resent !== null} onOpenChange={(o) => !o && setResent(null)}>
        <DialogContent>
          <DialogHeader>
            <DialogTitle>New link created</DialogTitle>
            <DialogDescription>The previous link no longer works. Send this one instead.</DialogDescription>
          </DialogHeader>
          {resent ? <IssuedLinkView {...resent} /> : null}
        </DialogContent>
      </Dialog>
    </>
  );
}

function Outcome({ row }: { row: LedgerRow }) {
  if (row.used_at) return <RelativeTime value={row.used_at} />;
  if (!row.revoked_at) return <span className="text-muted-foreground">—</span>;
  return (
    <span>
      <RelativeTime value={row.revoked_at} /> <span className="text-xs text-muted-foreground">by {row.revoked_by}</span>
    </span>
  );
}
