"use client";
// Pause (with a reason) and resume (one click) for one connection on its detail page. Each
// write names the version this page was rendered with; if someone else changed the
// connection meanwhile the server answers CONFLICT, and we say so and reload the current state.
import { useMutation } from "@tanstack/react-query";
import { Pause, Play } from "lucide-react";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc-client";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toast";
import type { ConnectionDetail } from "@/server/connections/detail/detail.types";
import { readActionError } from "./action-error";
import { PauseDialog } from "./pause-dialog";
import { roleCanWrite, type UserRole } from "./use-action-access";
import { useAfterAction } from "./use-after-action";
import { ConflictNotice } from "./conflict-notice";
import { usePageActions } from "@/components/shell/page-actions";

export function ConnectionActions({ connection, role }: { connection: ConnectionDetail; role: UserRole }) {
  const trpc = useTRPC();
  const afterAction = useAfterAction();
  const [dialogOpen, setDialogOpen] = useState(false);
  const [conflict, setConflict] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const onError = (e: unknown) => {
    const err = readActionError(e);
    if (err.code === "CONFLICT") {
      setDialogOpen(false);
      setConflict(true);
      afterAction();
    } else {
      setError(err.fields.reason ?? err.message);
      if (!dialogOpen)
        toast({ title: "Could not change the connection", description: err.message, variant: "destructive" });
    }
  };
  const pause = useMutation(
    trpc.actions.pauseConnection.mutationOptions({
      onSuccess: (res) => {
        setDialogOpen(false);
        toast({ title: res.changed ? "Connection paused" : "Already paused: nothing changed", variant: "success" });
        afterAction();
      },
      onError,
    }),
  );
  const resume = useMutation(
    trpc.actions.resumeConnection.mutationOptions({
      onSuccess: (res) => {
        toast({ title: res.changed ? "Connection resumed" : "Already running: nothing changed", variant: "success" });
        afterAction();
      },
      onError,
    }),
  );

  const pending = pause.isPending || resume.isPending;
  const openPause = () => {
    setConflict(false);
    setError(null);
    setDialogOpen(true);
  };
  const doResume = () => {
    setConflict(false);
    resume.mutate({ id: connection.id, expectedVersion: connection.version });
  };
  usePageActions(
    !roleCanWrite(role) || pending
      ? []
      : connection.user_paused
        ? [{ id: "connection.resume", label: "Resume this connection", run: doResume }]
        : [{ id: "connection.pause", label: "Pause this connection…", run: openPause }],
  );

  if (!roleCanWrite(role)) return null;
  return (
    <div className="flex flex-col items-end gap-2">
      <div className="flex gap-2">
        {connection.user_paused ? (
          <Button variant="outline" disabled={pending} onClick={doResume}>
            <Play aria-hidden="true" />
            {resume.isPending ? "Resuming…" : "Resume"}
          </Button>
        ) : (
          <Button variant="outline" disabled={pending} onClick={openPause}>
            <Pause aria-hidden="true" />
            Pause…
          </Button>
        )}
      </div>
      {conflict ? <ConflictNotice connection={connection} onDismiss={() => setConflict(false)} /> : null}
      <PauseDialog
        name={connection.name}
        open={dialogOpen}
        onOpenChange={setDialogOpen}
        pending={pause.isPending}
        error={error}
        onConfirm={(reason) => {
          setError(null);
          pause.mutate({ id: connection.id, expectedVersion: connection.version, reason });
        }}
      />
    </div>
  );
}
