// One connection error, everything support needs to read it: code, text, message, when, and
// for a resolved one when, by whom and how.
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { RelativeTime } from "@/components/ui/relative-time";
import type { ConnectionErrorView } from "@/server/connections/detail/detail.types";

export function ErrorItem({
  error: e,
  leading,
  trailing,
}: {
  error: ConnectionErrorView;
  leading?: ReactNode;
  trailing?: ReactNode;
}) {
  const active = e.status === "active";
  const title = [e.status_code, e.status_text].filter(Boolean).join(" ") || "Error";
  return (
    <article
      aria-label={`${active ? "Active" : "Resolved"} error ${title}`}
      className={cn("flex gap-3 rounded-md border p-3", active ? "border-destructive/40" : "bg-muted/30")}
    >
      {leading ? <div className="pt-0.5">{leading}</div> : null}
      <div className="min-w-0 flex-1 space-y-1">
        <div className="flex flex-wrap items-center gap-2">
          <Badge variant={active ? "destructive" : "muted"} className="font-mono">
            {e.status_code ?? "—"}
          </Badge>
          <span className="font-medium">{e.status_text ?? "No status text"}</span>
          {e.is_auth_error ? (
            <Badge variant="warning" title="Authentication failure: usually fixed by a relink">
              auth
            </Badge>
          ) : null}
          {e.upstream_status ? (
            <Badge variant="outline" title="Status as the platform sent it">
              {e.upstream_status}
            </Badge>
          ) : null}
        </div>
        <p className={cn("break-words text-sm", active ? "text-foreground" : "text-muted-foreground")}>
          {e.message ?? "No message."}
        </p>
        <p className="text-xs text-muted-foreground">
          Errored <RelativeTime value={e.errored_at} />
          {e.resolved_at ? (
            <>
              {" "}
              · resolved <RelativeTime value={e.resolved_at} />
              {e.resolved_by ? ` by ${e.resolved_by}` : ""}
            </>
          ) : null}
          {e.resolution_note ? <> · “{e.resolution_note}”</> : null}
          <span className="ml-1 font-mono">{e.id}</span>
        </p>
      </div>
      {trailing ? <div className="shrink-0">{trailing}</div> : null}
    </article>
  );
}
