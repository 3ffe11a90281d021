import { Pause } from "lucide-react";
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
        <Badge variant="secondary" title="Paused by a console user: nothing syncs until someone resumes it">
          <Pause aria-hidden="true" />
          Paused
        </Badge>
      ) : null}
      {platformPaused ? (
        <Badge
          variant="outline"
          className="border-warning text-warning-text"
          title="Paused by the platform itself (e.g. plan limit), not by a console user"
        >
          Platform-paused
        </Badge>
      ) : null}
    </>
  );
}

/**
 * One clear state: a paused connection reads "Paused", not "Active" and "Paused" side by side.
 * Its status still shows when it is a problem (a paused connection can also be in error).
 */
export function ConnectionStateBadges({
  status,
  needsRelink,
  userPaused,
  platformPaused,
}: {
  status: ConnectionStatus;
  needsRelink: boolean;
  userPaused: boolean;
  platformPaused: boolean;
}) {
  const paused = userPaused || platformPaused;
  return (
    <>
      <PausedBadges userPaused={userPaused} platformPaused={platformPaused} />
      {!paused || status !== "active" ? <StatusBadge status={status} /> : null}
      {needsRelink ? <NeedsRelinkBadge /> : null}
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
