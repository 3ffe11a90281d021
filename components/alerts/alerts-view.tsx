"use client";
// The Alerts page's live part: the rules (with their state and channels) and the recent firings,
// with what each channel did (e-mail sent or failed, webhook event queued).
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { RelativeTime } from "@/components/ui/relative-time";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { useTRPC } from "@/components/providers/trpc-client";
import type { AlertNotification, AlertRule } from "@/server/alerts/alerts.types";
import type { EndpointOption } from "./rule-dialog";
import { RuleActions } from "./rule-actions";
import { channelsOf, describeRule, describeScope } from "./rule-labels";

export function AlertsView({
  initialRules,
  initialFirings,
  canWrite,
  tenants,
  endpoints,
}: {
  initialRules: AlertRule[];
  initialFirings: AlertNotification[];
  canWrite: boolean;
  tenants: { id: string; name: string }[] | null;
  endpoints: EndpointOption[];
}) {
  const trpc = useTRPC();
  const rules = useQuery(trpc.alerts.rules.queryOptions(undefined, { initialData: initialRules })).data;
  const firings = useQuery(
    trpc.alerts.notifications.queryOptions(
      { limit: 50, bellOnly: false },
      { initialData: { items: initialFirings, unread: 0 }, refetchInterval: 30_000 },
    ),
  ).data.items;
  return (
    <div className="space-y-8">
      {rules.length === 0 ? (
        <p className="rounded-lg border p-6 text-sm text-muted-foreground">
          No alert rules yet.{" "}
          {canWrite
            ? "Create one to hear when a connection needs relink, goes stale or its auth is about to expire."
            : ""}
        </p>
      ) : (
        <Table aria-label="Alert rules">
          <TableHeader>
            <TableRow>
              <TableHead>Rule</TableHead>
              <TableHead>Condition</TableHead>
              <TableHead>Scope</TableHead>
              <TableHead>Channels</TableHead>
              <TableHead>Matching now</TableHead>
              <TableHead>Last fired</TableHead>
              {canWrite ? (
                <TableHead>
                  <span className="sr-only">Actions</span>
                </TableHead>
              ) : null}
            </TableRow>
          </TableHeader>
          <TableBody>
            {rules.map((r) => (
              <TableRow key={r.id} data-testid="alert-rule-row">
                <TableCell className="font-medium">
                  <div className="flex items-center gap-2">
                    {r.name}
                    {r.enabled ? null : <Badge variant="muted">Disabled</Badge>}
                  </div>
                </TableCell>
                <TableCell>{describeRule(r)}</TableCell>
                <TableCell className="text-muted-foreground">{describeScope(r)}</TableCell>
                <TableCell>
                  <div className="flex flex-wrap gap-1">
                    {channelsOf(r).map((c) => (
                      <Badge key={c} variant="outline">
                        {c}
                      </Badge>
                    ))}
                  </div>
                </TableCell>
                <TableCell className="tabular-nums">{r.active_firings.toLocaleString("en")}</TableCell>
                <TableCell>{r.last_fired_at ? <RelativeTime value={r.last_fired_at} /> : "Never"}</TableCell>
                {canWrite ? (
                  <TableCell>
                    <RuleActions rule={r} tenants={tenants} endpoints={endpoints} />
                  </TableCell>
                ) : null}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <section aria-labelledby="firings-heading" className="space-y-2">
        <h2 id="firings-heading" className="text-lg font-semibold">
          Recent firings
        </h2>
        {firings.length === 0 ? (
          <p className="text-sm text-muted-foreground">Nothing has fired yet.</p>
        ) : (
          <Table aria-label="Recent firings">
            <TableHeader>
              <TableRow>
                <TableHead>When</TableHead>
                <TableHead>What</TableHead>
                <TableHead>Rule</TableHead>
                <TableHead>Delivery</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {firings.map((n) => (
                <TableRow key={n.id}>
                  <TableCell className="whitespace-nowrap">
                    <RelativeTime value={n.created_at} />
                  </TableCell>
                  <TableCell>
                    <Link href={n.href} className="underline-offset-2 hover:underline">
                      {n.title}
                    </Link>
                  </TableCell>
                  <TableCell className="text-muted-foreground">{n.rule_name}</TableCell>
                  <TableCell>
                    <div className="flex flex-wrap gap-1">
                      {n.bell ? <Badge variant="outline">Bell</Badge> : null}
                      {n.email_status === "sent" ? <Badge variant="success">E-mail sent</Badge> : null}
                      {n.email_status === "pending" ? <Badge variant="muted">E-mail pending</Badge> : null}
                      {n.email_status === "failed" ? (
                        <Badge variant="destructive" title={n.email_error ?? undefined}>
                          E-mail failed
                        </Badge>
                      ) : null}
                      {n.webhook_event_id ? <Badge variant="outline">Webhook queued</Badge> : null}
                    </div>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </section>
    </div>
  );
}
