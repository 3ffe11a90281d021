"use client";
// The endpoints: where each sends, what it gets, how it is doing; choosing one shows its log.
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { RelativeTime } from "@/components/ui/relative-time";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { WebhookEndpoint } from "@/server/webhooks/webhooks.types";
import { EndpointActions } from "./endpoint-actions";
import { EndpointStatusBadge } from "./status-badges";

export function EndpointsTable({
  endpoints,
  selectedId,
  onSelect,
  canWrite,
  showTenant,
  eventTypeCount,
}: {
  endpoints: WebhookEndpoint[];
  selectedId: string | null;
  onSelect: (id: string) => void;
  canWrite: boolean;
  showTenant: boolean;
  eventTypeCount: number;
}) {
  if (endpoints.length === 0)
    return (
      <p className="rounded-lg border p-6 text-sm text-muted-foreground">
        No webhook endpoints yet. Add one to have pauses, relinks, status changes and errors pushed to your platform.
      </p>
    );
  return (
    <Table aria-label="Webhook endpoints">
      <TableHeader>
        <TableRow>
          <TableHead>Endpoint</TableHead>
          <TableHead>Events</TableHead>
          {showTenant ? <TableHead>Tenant</TableHead> : null}
          <TableHead>Status</TableHead>
          <TableHead>Last success</TableHead>
          <TableHead>Last failure</TableHead>
          <TableHead>
            <span className="sr-only">Actions</span>
          </TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {endpoints.map((e) => (
          <TableRow key={e.id} data-state={e.id === selectedId ? "selected" : undefined}>
            <TableCell className="max-w-[28rem]">
              <div className="truncate font-mono text-xs" title={e.url}>
                {e.url}
              </div>
              {e.description ? <div className="text-xs text-muted-foreground">{e.description}</div> : null}
            </TableCell>
            <TableCell>
              {e.events.length === eventTypeCount ? (
                <Badge variant="outline">All events</Badge>
              ) : (
                <div className="flex max-w-xs flex-wrap gap-1">
                  {e.events.map((t) => (
                    <Badge key={t} variant="outline" className="font-mono">
                      {t}
                    </Badge>
                  ))}
                </div>
              )}
            </TableCell>
            {showTenant ? (
              <TableCell>{e.tenant_name ?? <span className="text-muted-foreground">Every tenant</span>}</TableCell>
            ) : null}
            <TableCell>
              <EndpointStatusBadge status={e.status} />
              {e.failing_since ? (
                <div className="text-xs text-muted-foreground">
                  since <RelativeTime value={e.failing_since} />
                </div>
              ) : null}
            </TableCell>
            <TableCell>
              <RelativeTime value={e.last_success_at} />
            </TableCell>
            <TableCell>
              <RelativeTime value={e.last_failure_at} />
            </TableCell>
            <TableCell>
              <div className="flex justify-end gap-1">
                <Button
                  variant={e.id === selectedId ? "secondary" : "ghost"}
                  size="sm"
                  aria-pressed={e.id === selectedId}
                  onClick={() => onSelect(e.id)}
                >
                  Deliveries
                </Button>
                {canWrite ? <EndpointActions endpoint={e} /> : null}
              </div>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
