"use client";
// Shown after a CONFLICT: someone else changed the connection. The page has been refreshed,
// so `connection` is the current state; we show it so the user can decide again.
import { X } from "lucide-react";
import { RelativeTime } from "@/components/ui/relative-time";

export interface ConflictState {
  name: string;
  user_paused: boolean;
  paused_by: string | null;
  paused_at: string | null;
  pause_reason: string | null;
  updated_at: string;
}

export function ConflictNotice({ connection, onDismiss }: { connection: ConflictState; onDismiss: () => void }) {
  return (
    <div role="alert" className="relative max-w-md rounded-md border border-warning bg-warning/10 p-3 pr-8 text-sm">
      <p className="font-medium">Someone else changed this connection.</p>
      <p className="mt-1 text-muted-foreground">
        Nothing was changed by you. It is now{" "}
        <strong className="text-foreground">{connection.user_paused ? "paused" : "running"}</strong>
        {connection.user_paused && connection.paused_by
          ? ` (paused by ${connection.paused_by}${connection.pause_reason ? `: “${connection.pause_reason}”` : ""})`
          : ""}
        , last changed <RelativeTime value={connection.updated_at} />. Review it and try again if you still want to.
      </p>
      <button
        type="button"
        aria-label="Dismiss"
        onClick={onDismiss}
        className="absolute right-2 top-2 rounded-sm opacity-70 hover:opacity-100 focus-visible:ring-2 focus-visible:ring-ring"
      >
        <X className="size-4" aria-hidden="true" />
      </button>
    </div>
  );
}
