"use client";
// The "…" menu on a table row: open, pause (asks a reason), resume. Writes name the version
// the row was listed with, so a stale row gets CONFLICT and the list is refreshed.
import { useMutation } from "@tanstack/react-query";
import { ExternalLink, Pause, Play } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc-client";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { toast } from "@/components/ui/toast";
import type { ConnectionListRow } from "@/server/connections/list/list.types";
import { readActionError } from "./action-error";
import { PauseDialog } from "./pause-dialog";
import { useCanWrite } from "./use-action-access";
import { useAfterAction } from "./use-after-action";

const CONFLICT_TEXT =
  "Someone else changed this connection. The list now shows its current state; check it and try again.";

export function RowActionsMenu({ row }: { row: Pick<ConnectionListRow, "id" | "name" | "user_paused" | "version"> }) {
  const trpc = useTRPC();
  const canWrite = useCanWrite();
  const afterAction = useAfterAction();
  const [pauseOpen, setPauseOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const onError = (e: unknown) => {
    const err = readActionError(e);
    if (err.code === "CONFLICT") {
      setPauseOpen(false);
      toast({ title: "Not changed", description: CONFLICT_TEXT, variant: "destructive", durationMs: 8000 });
      afterAction();
    } else if (pauseOpen) {
      setError(err.fields.reason ?? err.message);
    } else {
      toast({ title: "Could not change the connection", description: err.message, variant: "destructive" });
    }
  };
  const pause = useMutation(
    trpc.actions.pauseConnection.mutationOptions({
      onSuccess: (res) => {
        setPauseOpen(false);
        toast({ title: res.changed ? `Paused ${row.name}` : `${row.name} was already paused`, variant: "success" });
        afterAction();
      },
      onError,
    }),
  );
  const resume = useMutation(
    trpc.actions.resumeConnection.mutationOptions({
      onSuccess: (res) => {
        toast({ title: res.changed ? `Resumed ${row.name}` : `${row.name} was already running`, variant: "success" });
        afterAction();
      },
      onError,
    }),
  );

  return (
    <>
      <DropdownMenu>
        <DropdownMenuTrigger asChild>
          <Button variant="ghost" size="icon" aria-label={`Actions for ${row.name}`}>
            {/* a CSS mask (app/globals.css), not an inline SVG on every row */}
            <span className="icon-ellipsis" aria-hidden="true" />
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent align="end">
          <DropdownMenuItem asChild>
            <Link href={`/connections/${encodeURIComponent(row.id)}`}>
              <ExternalLink aria-hidden="true" />
              Open
            </Link>
          </DropdownMenuItem>
          {canWrite ? (
            <>
              <DropdownMenuSeparator />
              {row.user_paused ? (
                <DropdownMenuItem
                  disabled={resume.isPending}
                  onSelect={() => resume.mutate({ id: row.id, expectedVersion: row.version })}
                >
                  <Play aria-hidden="true" />
                  Resume
                </DropdownMenuItem>
              ) : (
                <DropdownMenuItem
                  onSelect={() => {
                    setError(null);
                    setPauseOpen(true);
                  }}
                >
                  <Pause aria-hidden="true" />
                  Pause…
                </DropdownMenuItem>
              )}
            </>
          ) : null}
        </DropdownMenuContent>
      </DropdownMenu>
      <PauseDialog
        name={row.name}
        open={pauseOpen}
        onOpenChange={setPauseOpen}
        pending={pause.isPending}
        error={error}
        onConfirm={(reason) => pause.mutate({ id: row.id, expectedVersion: row.version, reason })}
      />
    </>
  );
}
