"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Download, Link2 } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc-client";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "@/components/ui/dialog";
import { DEFAULT_EXPIRY_HOURS, errorMessage } from "./expiry-choices";
import { LinkOptionsFields, type LinkOptions } from "./link-options-fields";
import { downloadCsv, relinkCsv } from "./relink-csv";

export interface BulkRelinkDialogProps {
  selectedIds: string[];
  /** Called when the dialog closes after links were created (e.g. to clear the selection). */
  onDone?: () => void;
}

/** Relink links for every selected connection that needs one, as a batch with a CSV download. */
export function BulkRelinkDialog({ selectedIds, onDone }: BulkRelinkDialogProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [options, setOptions] = useState<LinkOptions>({
    recipient: "",
    expiresInHours: DEFAULT_EXPIRY_HOURS,
    revokeOpen: true,
  });
  const bulk = useMutation(
    trpc.relink.bulkCreate.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.relink.pathKey() }),
    }),
  );
  const result = bulk.data;
  const close = (next: boolean) => {
    setOpen(next);
    if (!next) {
      if (result) onDone?.();
      bulk.reset();
    }
  };
  const download = () => {
    if (!result) return;
    const csv = relinkCsv(
      result.links.map((l) => ({
        tenantName: l.tenantName,
        connectionName: l.connectionName,
        connectionId: l.connectionId,
        sentTo: l.sentTo,
        url: l.url,
        expiresAt: l.expiresAt,
      })),
    );
    downloadCsv(`relink-links-${result.batchId ?? "none"}.csv`, csv);
  };
  return (
    <Dialog open={open} onOpenChange={close}>
      <DialogTrigger asChild>
        <Button variant="outline" size="sm" disabled={selectedIds.length === 0}>
          <Link2 aria-hidden="true" />
          Create relink links
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>
            {result ? "Relink links created" : `Create relink links for ${selectedIds.length} selected`}
          </DialogTitle>
          <DialogDescription>
            {result
              ? "Download the links now: they are shown only once. The batch page shows how many customers have completed."
              : "One single-use link per selected connection that needs relink. Connections that don't need it are skipped."}
          </DialogDescription>
        </DialogHeader>
        {result ? (
          <div className="flex flex-col gap-3 text-sm" aria-live="polite">
            <p>
              <strong>{result.links.length}</strong> link{result.links.length === 1 ? "" : "s"} created,{" "}
              <strong>{result.skipped.length}</strong> skipped.
            </p>
            {result.skipped.length > 0 ? (
              <ul className="max-h-32 list-disc overflow-auto pl-5 text-xs text-muted-foreground">
                {result.skipped.map((s) => (
                  <li key={s.connectionId}>
                    <span className="font-mono">{s.connectionId}</span>: {s.reason}
                  </li>
                ))}
              </ul>
            ) : null}
            <p className="text-xs text-muted-foreground">
              Email sending is not set up in this console: send the links from the CSV yourself.
            </p>
          </div>
        ) : (
          <form
            id="bulk-relink-form"
            onSubmit={(e) => {
              e.preventDefault();
              bulk.mutate({
                connectionIds: selectedIds,
                recipientEmail: options.recipient.trim() || null,
                expiresInHours: options.expiresInHours,
                revokeOpen: options.revokeOpen,
              });
            }}
          >
            <LinkOptionsFields
              value={options}
              onChange={setOptions}
              recipientHint="Applies to every link in this batch; leave empty to fill in recipients from the CSV."
            />
            {bulk.error ? (
              <p role="alert" className="mt-3 text-sm text-destructive">
                {errorMessage(bulk.error)}
              </p>
            ) : null}
          </form>
        )}
        <DialogFooter>
          {result ? (
            <>
              {result.batchId ? (
                <Button variant="outline" asChild>
                  <Link href={`/relink/batches/${result.batchId}`}>Open batch</Link>
                </Button>
              ) : null}
              <Button onClick={download} disabled={result.links.length === 0}>
                <Download aria-hidden="true" />
                Download CSV
              </Button>
            </>
          ) : (
            <Button type="submit" form="bulk-relink-form" disabled={bulk.isPending}>
              {bulk.isPending ? "Creating…" : "Create links"}
            </Button>
          )}
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
