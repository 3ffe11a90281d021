"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Link2 } from "lucide-react";
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
import { IssuedLinkView } from "./issued-link-view";
import { LinkOptionsFields, type LinkOptions } from "./link-options-fields";

/** "Create relink link": options first, then the new URL with copy and QR code. */
export function CreateLinkDialog({ connectionId, emphasise }: { connectionId: string; emphasise: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [options, setOptions] = useState<LinkOptions>({
    recipient: "",
    expiresInHours: DEFAULT_EXPIRY_HOURS,
    revokeOpen: true,
  });
  const create = useMutation(
    trpc.relink.create.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.relink.pathKey() }),
    }),
  );
  const onOpenChange = (next: boolean) => {
    setOpen(next);
    if (!next) create.reset();
  };
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>
        <Button variant={emphasise ? "default" : "outline"}>
          <Link2 aria-hidden="true" />
          Create relink link
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{create.data ? "Relink link created" : "Create relink link"}</DialogTitle>
          <DialogDescription>
            {create.data
              ? "Send this link to the customer. They open it, sign in to the provider, and the connection works again."
              : "A single-use link the customer opens to re-authorise this connection, no account needed."}
          </DialogDescription>
        </DialogHeader>
        {create.data ? (
          <IssuedLinkView url={create.data.url} expiresAt={create.data.expiresAt} sentTo={create.data.sentTo} />
        ) : (
          <form
            id="create-relink-form"
            onSubmit={(e) => {
              e.preventDefault();
              create.mutate({
                connectionId,
                recipientEmail: options.recipient.trim() || null,
                expiresInHours: options.expiresInHours,
                revokeOpen: options.revokeOpen,
              });
            }}
          >
            <LinkOptionsFields
              value={options}
              onChange={setOptions}
              recipientHint="Recorded in the ledger so you know who the link was for."
            />
            {create.error ? (
              <p role="alert" className="mt-3 text-sm text-destructive">
                {errorMessage(create.error)}
              </p>
            ) : null}
          </form>
        )}
        <DialogFooter>
          {create.data ? (
            <Button onClick={() => onOpenChange(false)}>Done</Button>
          ) : (
            <Button type="submit" form="create-relink-form" disabled={create.isPending}>
              {create.isPending ? "Creating…" : "Create link"}
            </Button>
          )}
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
