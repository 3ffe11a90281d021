// The latest audit events in the user's scope, each linking to its connection.
import Link from "next/link";
import { RelativeTime } from "@/components/ui/relative-time";
import type { Activity } from "@/server/home/home.types";

const ACTION_LABEL: Record<string, string> = {
  "connection.pause": "paused",
  "connection.resume": "resumed",
  "errors.resolve": "resolved errors on",
  "relink.create": "created a relink link for",
  "relink_link.create": "created a relink link for",
  "relink.revoke": "revoked a relink link for",
  "relink.complete": "relinked",
};

export function RecentActivity({ items }: { items: Activity[] }) {
  if (items.length === 0) return <p className="text-sm text-muted-foreground">Nothing has happened yet.</p>;
  return (
    <ol className="divide-y text-sm">
      {items.map((a) => (
        <li key={a.id} className="flex flex-wrap items-baseline gap-x-2 gap-y-0.5 py-2">
          <span className="font-medium">{a.actor}</span>
          <span className="text-muted-foreground">{ACTION_LABEL[a.action] ?? a.action}</span>
          {a.connectionId ? (
            <Link href={`/connections/${encodeURIComponent(a.connectionId)}`} className="truncate hover:underline">
              {a.connectionName ?? a.connectionId}
            </Link>
          ) : null}
          <RelativeTime value={a.at} className="ml-auto text-xs text-muted-foreground" />
          {a.note ? <p className="w-full truncate text-xs text-muted-foreground">“{a.note}”</p> : null}
        </li>
      ))}
    </ol>
  );
}
