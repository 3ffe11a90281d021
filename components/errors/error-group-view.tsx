// One error group: what it is, how wide, its actual messages, its connections (the table,
// filtered to it) and the one-step actions.
import Link from "next/link";
import { cardHref } from "@/components/home/card-links";
import { Badge } from "@/components/ui/badge";
import { buttonClassName } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { RelativeTime } from "@/components/ui/relative-time";
import type { ErrorGroupDetail } from "@/server/error-groups/error-groups.types";
import { GroupActions } from "./group-actions";
import { TrendSparkline } from "./trend-sparkline";

export function ErrorGroupView({
  detail,
  showTenants,
  canWrite,
}: {
  detail: ErrorGroupDetail;
  showTenants: boolean;
  canWrite: boolean;
}) {
  const g = detail.group;
  const facts: [string, React.ReactNode][] = [
    ["Active errors", g.errors.toLocaleString("en")],
    ["Connections", g.connections.toLocaleString("en")],
    ...(showTenants ? [["Tenants", g.tenants] as [string, React.ReactNode]] : []),
    ["Need relink", detail.needsRelink.toLocaleString("en")],
    ["First seen", <RelativeTime key="f" value={g.firstSeen} />],
    ["Last seen", <RelativeTime key="l" value={g.lastSeen} />],
  ];
  return (
    <div className="space-y-4">
      <div className="space-y-2">
        <Link href="/errors" className="text-sm text-muted-foreground hover:underline">
          ← Error groups
        </Link>
        <div className="flex flex-wrap items-center gap-2">
          <Badge variant="outline">{g.providerLabel}</Badge>
          {g.statusCode ? <Badge variant="destructive">{g.statusCode}</Badge> : null}
        </div>
        <h1 className="break-words font-mono text-lg font-semibold">{g.shape || "(no message)"}</h1>
      </div>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
        {facts.map(([k, v]) => (
          <div key={k} className="rounded-md border bg-card p-3">
            <dt className="text-xs text-muted-foreground">{k}</dt>
            <dd className="text-lg font-semibold tabular-nums">{v}</dd>
          </div>
        ))}
      </dl>
      <div className="flex flex-wrap items-center gap-3">
        <Link href={cardHref.errorGroup(g.id)} className={buttonClassName("default")}>
          Show the {g.connections.toLocaleString("en")} connections
        </Link>
        <span className="flex items-center gap-2 text-sm text-muted-foreground">
          Last 14 days <TrendSparkline values={g.trend} label="New errors" />
        </span>
      </div>
      <GroupActions
        canWrite={canWrite}
        groupId={g.id}
        errors={g.errors}
        connections={g.connections}
        needsRelink={detail.needsRelink}
      />
      <Card>
        <CardHeader>
          <CardTitle as="h2">Latest messages</CardTitle>
          <CardDescription>As the platforms sent them</CardDescription>
        </CardHeader>
        <CardContent>
          <ul className="divide-y text-sm">
            {detail.samples.map((s, i) => (
              <li key={i} className="flex flex-wrap items-baseline gap-2 py-2">
                <code className="break-all text-xs">{s.message ?? "(no message)"}</code>
                <Link
                  href={`/connections/${encodeURIComponent(s.connectionId)}`}
                  className="ml-auto text-xs text-primary underline underline-offset-4"
                >
                  {s.connectionId}
                </Link>
                <RelativeTime value={s.erroredAt} className="text-xs text-muted-foreground" />
              </li>
            ))}
          </ul>
        </CardContent>
      </Card>
    </div>
  );
}
