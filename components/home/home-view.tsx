// The home page: what is broken, since when and for whom, at a glance; every number links to
// its rows in the connections table.
import { AlertTriangle, Clock, KeyRound, Link2Off, PauseCircle, ServerCrash } from "lucide-react";
import Link from "next/link";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { ErrorGroupsTable } from "@/components/errors/error-groups-table";
import type { HomeSummary } from "@/server/home/home.types";
import { cardHref } from "./card-links";
import { STATUS_LABEL } from "./chart-colors";
import { ErrorTrendChart } from "./error-trend-chart";
import { ProviderStatusChart } from "./provider-status-chart";
import { RecentActivity } from "./recent-activity";
import { StatCard, type StatTone } from "./stat-card";

const STATUS_TONE: Record<string, StatTone> = {
  active: "good",
  pending: "default",
  error: "bad",
  expired: "warn",
  disconnected: "warn",
  deauthorized: "bad",
};

export function HomeView({
  data,
  scopeLabel,
  showTenants,
}: {
  data: HomeSummary;
  scopeLabel: string;
  showTenants: boolean;
}) {
  const icon = "size-4";
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Home</h1>
        <p className="text-sm text-muted-foreground">
          {data.total.toLocaleString("en")} connections {scopeLabel}.
        </p>
      </div>

      <section aria-labelledby="attention" className="space-y-2">
        <h2 id="attention" className="text-sm font-medium text-muted-foreground">
          Needs attention
        </h2>
        <div className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-6">
          <StatCard
            label="Need relink"
            value={data.needsRelink}
            href={cardHref.needsRelink()}
            tone="bad"
            icon={<Link2Off className={icon} aria-hidden />}
          />
          <StatCard
            label="With active errors"
            value={data.withErrors}
            href={cardHref.withErrors()}
            tone="bad"
            icon={<AlertTriangle className={icon} aria-hidden />}
          />
          <StatCard
            label="Auth expiring"
            value={data.expiringSoon}
            hint={`within ${data.expiringDays} days`}
            href={cardHref.expiring(data.expiringDays)}
            tone="warn"
            icon={<KeyRound className={icon} aria-hidden />}
          />
          <StatCard
            label="Stale"
            value={data.stale}
            hint={`no sync for ${data.staleDays} days`}
            href={cardHref.stale(data.staleDays)}
            tone="warn"
            icon={<Clock className={icon} aria-hidden />}
          />
          <StatCard
            label="Paused by a person"
            value={data.userPaused}
            href={cardHref.userPaused()}
            icon={<PauseCircle className={icon} aria-hidden />}
          />
          <StatCard
            label="Paused by the platform"
            value={data.platformPaused}
            href={cardHref.platformPaused()}
            tone="warn"
            icon={<ServerCrash className={icon} aria-hidden />}
          />
        </div>
      </section>

      <section aria-labelledby="by-status" className="space-y-2">
        <h2 id="by-status" className="text-sm font-medium text-muted-foreground">
          By status
        </h2>
        <div className="grid grid-cols-2 gap-3 md:grid-cols-4 xl:grid-cols-7">
          <StatCard label="All connections" value={data.total} href={cardHref.all()} />
          {data.byStatus.map((s) => (
            <StatCard
              key={s.status}
              label={STATUS_LABEL[s.status]}
              value={s.n}
              href={cardHref.status(s.status)}
              tone={STATUS_TONE[s.status]}
            />
          ))}
        </div>
      </section>

      <div className="grid grid-cols-1 gap-4 xl:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle>Errors per day</CardTitle>
            <CardDescription>New and resolved, last {data.errorDays.length} days (UTC)</CardDescription>
          </CardHeader>
          <CardContent>
            <ErrorTrendChart days={data.errorDays} />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Connections by provider</CardTitle>
            <CardDescription>And their status</CardDescription>
          </CardHeader>
          <CardContent>
            <ProviderStatusChart rows={data.providerStatus} />
          </CardContent>
        </Card>
      </div>

      <div className="grid grid-cols-1 gap-4">
        <Card>
          <CardHeader className="flex-row items-center justify-between">
            <div className="space-y-1.5">
              <CardTitle>Top error groups</CardTitle>
              <CardDescription>Active errors with the same provider, status code and message</CardDescription>
            </div>
            <Link href="/errors" className="text-sm text-primary hover:underline">
              All error groups
            </Link>
          </CardHeader>
          <CardContent>
            <ErrorGroupsTable rows={data.topGroups} showTenants={showTenants} compact />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Recent activity</CardTitle>
            <CardDescription>
              <Link href="/audit" className="hover:underline">
                Audit log
              </Link>
            </CardDescription>
          </CardHeader>
          <CardContent>
            <RecentActivity items={data.recentActivity} />
          </CardContent>
        </Card>
      </div>
    </div>
  );
}
