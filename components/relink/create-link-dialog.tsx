"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Link2 } from "lucide-react";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc-client";
import { Button } from "@/components/ui/button";
import { FormDialog } from "@/components/ui/form-dialog";
import { errorMessage } from "./expiry-choices";
import { usePageActions } from "@/components/shell/page-actions";
import { IssuedLinkView } from "./issued-link-view";
import { DEFAULT_LINK_OPTIONS, LinkOptionsFields, linkOptionsInput, type LinkOptions } from "./link-options-fields";

/** "Create relink link": options first, then the new URL with copy and QR code. */
export function CreateLinkDialog({ connectionId, emphasise }: { connectionId: string; emphasise: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [options, setOptions] = useState<LinkOptions>(DEFAULT_LINK_OPTIONS);
  const create = useMutation(
    trpc.relink.create.mutationOptions({
      // The list shows each connection's relink state: back on it, the new link shows at once.
      onSuccess: () =>
        Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.relink.pathKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.connections.pathKey() }),
        ]),
    }),
  );
  const onOpenChange = (next: boolean) => {
    setOpen(next);
    if (!next) create.reset();
  };
  usePageActions([{ id: "relink.create", label: "Create relink link…", run: () => onOpenChange(true) }]);
  return (
    <FormDialog
      open={open}
      onOpenChange={onOpenChange}
      trigger={
        <Button variant={emphasise ? "default" : "outline"}>
          <Link2 aria-hidden="true" />
          Create relink link
        </Button>
      }
      title={create.data ? "Relink link created" : "Create relink link"}
      description={
        create.data
          ? "Send this link to the customer. They open it, sign in to the provider, and the connection works again."
          : "A single-use link the customer opens to re-authorise this connection, no account needed."
      }
      onSubmit={() => create.mutate({ connectionId, ...linkOptionsInput(options) })}
      submitLabel="Create link"
      pendingLabel="Creating…"
      pending={create.isPending}
      error={create.error ? errorMessage(create.error) : null}
      result={
        create.data
          ? {
              body: (
                <IssuedLinkView
                  url={create.data.url}
                  expiresAt={create.data.expiresAt}
                  sentTo={create.data.sentTo}
                  email={create.data.email}
                />
              ),
              actions: <Button onClick={() => onOpenChange(false)}>Done</Button>,
            }
          : null
      }
    >
      <LinkOptionsFields
        value={options}
        onChange={setOptions}
        recipientHint="Recorded in the ledger so you know who the link was for; ticked, the console e-mails it."
      />
    </FormDialog>
  );
}
