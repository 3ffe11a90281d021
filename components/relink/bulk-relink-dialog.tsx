"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Download, Link2 } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc-client";
import { Button } from "@/components/ui/button";
import { FormDialog } from "@/components/ui/form-dialog";
import { errorMessage } from "./expiry-choices";
import { DEFAULT_LINK_OPTIONS, LinkOptionsFields, linkOptionsInput, type LinkOptions } from "./link-options-fields";
import { downloadCsv, relinkCsv } from "./relink-csv";

export interface BulkRelinkDialogProps {
  selectedIds: string[];
  /** Called when the dialog closes after links were created (e.g. to clear the selection). */
  onDone?: () => void;
}

/** How the batch's e-mails went, when it was sent by e-mail. */
function EmailSummary({ links }: { links: { email?: { sent: boolean; error: string | null } }[] }) {
  const mailed = links.filter((l) => l.email);
  if (mailed.length === 0)
    return <p className="text-xs text-muted-foreground">Not e-mailed: send the links from the CSV yourself.</p>;
  const failed = mailed.filter((l) => !l.email?.sent);
  return (
    <p className={failed.length ? "text-xs text-destructive" : "text-xs text-muted-foreground"} role="status">
      {mailed.length - failed.length} e-mailed
      {failed.length ? `, ${failed.length} could not be (${failed[0]?.email?.error ?? "unknown error"})` : ""}.
    </p>
  );
}

/** Relink links for every selected connection that needs one, as a batch with a CSV download. */
export function BulkRelinkDialog({ selectedIds, onDone }: BulkRelinkDialogProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [options, setOptions] = useState<LinkOptions>(DEFAULT_LINK_OPTIONS);
  const bulk = useMutation(
    trpc.relink.bulkCreate.mutationOptions({
      onSuccess: () =>
        Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.relink.pathKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.connections.pathKey() }),
        ]),
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
    <FormDialog
      open={open}
      onOpenChange={close}
      trigger={
        <Button variant="outline" size="sm" disabled={selectedIds.length === 0}>
          <Link2 aria-hidden="true" />
          Create relink links
        </Button>
      }
      title={result ? "Relink links created" : `Create relink links for ${selectedIds.length} selected`}
      description={
        result
          ? "Download the links now: they are shown only once. The batch page shows how many customers have completed."
          : "One single-use link per selected connection that needs relink. Connections that don't need it are skipped."
      }
      onSubmit={() => bulk.mutate({ connectionIds: selectedIds, ...linkOptionsInput(options) })}
      submitLabel="Create links"
      pendingLabel="Creating…"
      pending={bulk.isPending}
      error={bulk.error ? errorMessage(bulk.error) : null}
      result={
        result
          ? {
              body: (
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
                  <EmailSummary links={result.links} />
                </div>
              ),
              actions: (
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
              ),
            }
          : null
      }
    >
      <LinkOptionsFields
        value={options}
        onChange={setOptions}
        recipientHint="Applies to every link in this batch; leave empty to fill in recipients from the CSV."
      />
    </FormDialog>
  );
}
