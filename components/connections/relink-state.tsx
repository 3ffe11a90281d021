"use client";
// The newest relink link of a connection, in the list: what state it is in and since when, so a
// second link is never sent by accident while the first one is still open.
import { Link2 } from "lucide-react";
import { cn } from "@/components/ui/cn";
import { RelativeTime } from "@/components/ui/relative-time";
import type { RelinkSummary } from "@/server/connections/list/list.types";

const STATE: Record<RelinkSummary["state"], { label: string; className: string }> = {
  open: { label: "Link sent", className: "text-foreground" },
  opened: { label: "Link opened", className: "font-medium text-warning-text" },
  completed: { label: "Relinked", className: "text-success-text" },
  expired: { label: "Link expired", className: "text-muted-foreground" },
  revoked: { label: "Link revoked", className: "text-muted-foreground" },
};

export function RelinkState({ relink }: { relink: RelinkSummary | null }) {
  if (!relink) return <span className="nil">—</span>;
  const s = STATE[relink.state];
  const live = relink.state === "open" || relink.state === "opened";
  return (
    <div className={cn("whitespace-nowrap text-xs leading-tight", s.className)}>
      <span className="inline-flex items-center gap-1">
        <Link2 className="size-3" aria-hidden="true" />
        {s.label}
      </span>{" "}
      <RelativeTime value={relink.at} className="text-muted-foreground" />
      {live ? (
        <div className="text-muted-foreground">
          expires <RelativeTime value={relink.expires_at} />
        </div>
      ) : null}
    </div>
  );
}
