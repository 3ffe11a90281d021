// Who and what this connection is, its state at a glance, and the actions on it.
import Link from "next/link";
import { ChevronLeft } from "lucide-react";
import type { ReactNode } from "react";
import { HealthBadge } from "@/components/connections/health-badge";
import { ConnectionStateBadges, StatusBadge } from "@/components/connections/status-badge";
import { Badge } from "@/components/ui/badge";
import type { ConnectionDetail } from "@/server/connections/detail/detail.types";
import type { Health } from "@/server/connections/health-score";
import { PLATFORM_LABEL } from "./attention";

export function DetailHeader({
  connection: c,
  health,
  actions,
}: {
  connection: ConnectionDetail;
  health: Health;
  actions: ReactNode;
}) {
  const provider = c.provider_display_name ?? c.integration_name ?? c.provider;
  const paused = c.user_paused || c.platform_paused;
  return (
    <header className="space-y-3">
      <Link
        href="/connections"
        className="inline-flex items-center gap-1 text-sm text-muted-foreground hover:text-foreground"
      >
        <ChevronLeft aria-hidden="true" className="size-4" /> Connections
      </Link>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0 space-y-2">
          <div className="flex flex-wrap items-center gap-2">
            <h1 className="break-words text-2xl font-semibold tracking-tight">{c.name}</h1>
            <ConnectionStateBadges
              status={c.status}
              needsRelink={c.needs_relink}
              userPaused={c.user_paused}
              platformPaused={c.platform_paused}
            />
            {!paused && c.upstream_status && c.upstream_status.toLowerCase() !== c.status ? (
              <Badge variant="muted" title={`Status as ${PLATFORM_LABEL[c.platform]} sent it`}>
                {c.upstream_status}
              </Badge>
            ) : null}
          </div>
          <dl className="flex flex-wrap gap-x-5 gap-y-1 text-sm">
            <Meta label="Provider">
              {provider}
              {provider !== c.provider ? <span className="text-muted-foreground"> ({c.provider})</span> : null}
            </Meta>
            <Meta label="Tenant">{c.tenant_name}</Meta>
            <Meta label="Platform">
              {PLATFORM_LABEL[c.platform] === "the platform" ? "Generic" : PLATFORM_LABEL[c.platform]}
            </Meta>
            <Meta label="Environment">{c.environment ?? "—"}</Meta>
            <Meta label="Open errors">{c.open_error_count}</Meta>
            <Meta label="Health">
              <HealthBadge health={health} />
            </Meta>
            {paused && c.status === "active" ? (
              <Meta label="When resumed">
                <StatusBadge status={c.status} />
              </Meta>
            ) : null}
          </dl>
        </div>
        <div className="flex flex-wrap items-center gap-2">{actions}</div>
      </div>
    </header>
  );
}

function Meta({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="flex items-center gap-1.5">
      <dt className="text-muted-foreground">{label}</dt>
      <dd className="font-medium">{children}</dd>
    </div>
  );
}
