"use client";
// Resolve one or many open errors of a connection with a note; who and when are kept.
import { useMutation } from "@tanstack/react-query";
import { CheckCheck } from "lucide-react";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc-client";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toast";
import { readActionError } from "./action-error";
import { ReasonDialog } from "./reason-dialog";
import { useCanWrite } from "./use-action-access";
import { useAfterAction } from "./use-after-action";

export function ResolveErrorsButton({ connectionId, errorIds }: { connectionId: string; errorIds: string[] }) {
  const trpc = useTRPC();
  const canWrite = useCanWrite();
  const afterAction = useAfterAction();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const resolve = useMutation(
    trpc.actions.resolveErrors.mutationOptions({
      onSuccess: (res) => {
        setOpen(false);
        const skipped = res.skipped ? ` (${res.skipped} already resolved)` : "";
        toast({
          title: `Resolved ${res.resolved} error${res.resolved === 1 ? "" : "s"}${skipped}`,
          variant: "success",
        });
        afterAction();
      },
      onError: (e) => {
        const err = readActionError(e);
        setError(err.fields.note ?? err.message);
      },
    }),
  );
  if (!canWrite) return null;
  const n = errorIds.length;
  const label = n === 1 ? "Resolve error" : `Resolve ${n} errors`;
  return (
    <>
      <Button
        variant="outline"
        size="sm"
        disabled={n === 0}
        data-connection-id={connectionId}
        onClick={() => {
          setError(null);
          setOpen(true);
        }}
      >
        <CheckCheck aria-hidden="true" />
        {label}
      </Button>
      <ReasonDialog
        open={open}
        onOpenChange={setOpen}
        title={n === 1 ? "Resolve this error?" : `Resolve ${n} errors?`}
        description="Resolved errors stay in the history with your name, the time and this note."
        fieldLabel="Note"
        confirmLabel={label}
        pending={resolve.isPending}
        error={error}
        onConfirm={(note) => resolve.mutate({ errorIds, note })}
      />
    </>
  );
}
