import { Badge, type BadgeVariant } from "@/components/ui/badge";
import type { ConnectionListRow } from "@/server/connections/list/list.types";

type ConnectionStatus = ConnectionListRow["status"];

const STYLE: Record<ConnectionStatus, { variant: BadgeVariant; label: string }> = {
  active: { variant: "success", label: "Active" },
  pending: { variant: "muted", label: "Pending" },
  error: { variant: "destructive", label: "Error" },
  expired: { variant: "warning", label: "Expired" },
  disconnected: { variant: "warning", label: "Disconnected" },
  deauthorized: { variant: "destructive", label: "Deauthorized" },
};

export function StatusBadge({ status }: { status: ConnectionStatus }) {
  const s = STYLE[status];
  return <Badge variant={s.variant}>{s.label}</Badge>;
}

export function PausedBadges({ userPaused, platformPaused }: { userPaused: boolean; platformPaused: boolean }) {
  return (
    <>
      {userPaused ? (
        <Badge variant="outline" title="Paused by a console user">
          Paused
        </Badge>
      ) : null}
      {platformPaused ? (
        <Badge
          variant="outline"
          className="border-warning text-warning"
          title="Paused by the platform itself (e.g. plan limit), not by a console user"
        >
          Platform-paused
        </Badge>
      ) : null}
    </>
  );
}

export function NeedsRelinkBadge() {
  return (
    <Badge
      variant="destructive"
      title="Expired, deauthorized, disconnected, or failing to authenticate: send the customer a relink URL"
    >
      Needs relink
    </Badge>
  );
}
