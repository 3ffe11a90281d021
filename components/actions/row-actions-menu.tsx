"use client";
// The "…" menu on a table row: open, pause (asks a reason), resume. Writes name the version
// the row was listed with, so a stale row gets CONFLICT and the list is refreshed.
import { useMutation } from "@tanstack/react-query";
import { ExternalLink, Pause, Play } from "lucide-react";
import Link from "next/link";
import { useCallback, useState } from "react";
import { useTRPC } from "@/components/providers/trpc-client";
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

  // Until it is first opened the "…" is a plain button: the radix menu (its trigger's id,
  // aria-expanded and data-state, on every row of the server-rendered page) mounts on the first
  // click, Enter, Space or ArrowDown, opens at once and takes the focus as it would have.
  const [menu, setMenu] = useState<{ open: boolean; byKeyboard: boolean } | null>(null);
  const label = `Actions for ${row.name}`;
  // Opened from the keyboard before the menu existed: the first item takes the focus once the
  // menu has focused itself, as radix does when its own trigger sees the key.
  const byKeyboard = menu?.byKeyboard === true;
  const focusFirstItem = useCallback(
    (node: HTMLDivElement | null) => {
      if (!node || !byKeyboard) return;
      requestAnimationFrame(() =>
        node.querySelector<HTMLElement>('[role="menuitem"]:not([data-disabled])')?.focus({ preventScroll: true }),
      );
    },
    [byKeyboard],
  );
  const icon = <span className="icon-ellipsis" aria-hidden="true" />; // a CSS mask, not an SVG a row
  return (
    <>
      {menu === null ? (
        <button
          type="button"
          className="btn row-menu" // app/globals.css: a ghost icon button
          aria-label={label}
          aria-haspopup="menu"
          // a click from Enter or Space has no pointer behind it (detail 0)
          onClick={(e) => setMenu({ open: true, byKeyboard: e.detail === 0 })}
          onKeyDown={(e) => {
            if (e.key !== "ArrowDown") return;
            e.preventDefault();
            setMenu({ open: true, byKeyboard: true });
          }}
        >
          {icon}
        </button>
      ) : (
        <DropdownMenu open={menu.open} onOpenChange={(open) => setMenu({ open, byKeyboard: false })}>
          <DropdownMenuTrigger asChild>
            <button type="button" className="btn row-menu" aria-label={label}>
              {icon}
            </button>
          </DropdownMenuTrigger>
          <DropdownMenuContent align="end" ref={focusFirstItem}>
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
      )}
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
