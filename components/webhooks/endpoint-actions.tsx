"use client";
// Per-endpoint actions for writers: send a test event, rotate the secret (the new one shown
// once), delete.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc-client";
import { Button } from "@/components/ui/button";
import { FormDialog } from "@/components/ui/form-dialog";
import { toast } from "@/components/ui/toast";
import type { WebhookEndpoint } from "@/server/webhooks/webhooks.types";
import { SecretOnce } from "./secret-once";

export function EndpointActions({ endpoint }: { endpoint: WebhookEndpoint }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [dialog, setDialog] = useState<"rotate" | "delete" | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.webhooks.pathKey() });
  const test = useMutation(
    trpc.webhooks.sendTest.mutationOptions({
      onSuccess: () => {
        toast({ title: "Test event queued", description: "It shows in the delivery log in a moment." });
        return refresh();
      },
      onError: (error) => toast({ title: "Could not send", description: error.message, variant: "destructive" }),
    }),
  );
  const rotate = useMutation(trpc.webhooks.rotateSecret.mutationOptions({ onSuccess: refresh }));
  const remove = useMutation(
    trpc.webhooks.delete.mutationOptions({
      onSuccess: () => {
        toast({ title: "Endpoint deleted", variant: "success" });
        setDialog(null);
        return refresh();
      },
    }),
  );
  const close = () => {
    setDialog(null);
    rotate.reset();
    remove.reset();
  };
  const name = endpoint.description ?? endpoint.url;
  return (
    <div className="flex justify-end gap-1">
      <Button
        variant="outline"
        size="sm"
        onClick={() => test.mutate({ id: endpoint.id })}
        disabled={test.isPending}
        aria-label={`Send a test event to ${name}`}
      >
        Send test
      </Button>
      <Button
        variant="outline"
        size="sm"
        onClick={() => setDialog("rotate")}
        aria-label={`Rotate the secret of ${name}`}
      >
        Rotate secret
      </Button>
      <Button variant="outline" size="sm" onClick={() => setDialog("delete")} aria-label={`Delete ${name}`}>
        Delete
      </Button>
      <FormDialog
        open={dialog === "rotate"}
        onOpenChange={(open) => (open ? null : close())}
        title={rotate.data ? "New signing secret" : "Rotate the signing secret?"}
        description={
          rotate.data
            ? "Deliveries are signed with both the new and the old secret for 24 hours; switch your receiver within that time."
            : `A new secret for ${endpoint.url}. The old one keeps signing beside it for 24 hours.`
        }
        onSubmit={() => rotate.mutate({ id: endpoint.id })}
        submitLabel="Rotate secret"
        pendingLabel="Rotating…"
        pending={rotate.isPending}
        error={rotate.error?.message}
        cancel
        result={
          rotate.data
            ? {
                body: <SecretOnce id={`secret-${endpoint.id}`} secret={rotate.data.secret} />,
                actions: <Button onClick={close}>Done</Button>,
              }
            : null
        }
      />
      <FormDialog
        open={dialog === "delete"}
        onOpenChange={(open) => (open ? null : close())}
        title="Delete this endpoint?"
        description={`No more events go to ${endpoint.url}, and its delivery log is deleted with it.`}
        onSubmit={() => remove.mutate({ id: endpoint.id })}
        submitLabel="Delete endpoint"
        pendingLabel="Deleting…"
        submitVariant="destructive"
        pending={remove.isPending}
        error={remove.error?.message}
        cancel
      />
    </div>
  );
}
