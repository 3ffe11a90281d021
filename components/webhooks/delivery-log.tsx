"use client";
// One endpoint's deliveries, newest first: what was sent, the receiver's status code, how long
// it took and the start of its answer; redeliver for writers. Refreshes while any is pending.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc-client";
import { Button } from "@/components/ui/button";
import { RelativeTime } from "@/components/ui/relative-time";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { toast } from "@/components/ui/toast";
import type { Delivery } from "@/server/webhooks/webhooks.types";
import { DeliveryStatusBadge } from "./status-badges";

const PAGE = 25;

export function DeliveryLog({ endpointId, canWrite }: { endpointId: string; canWrite: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  // Cursors of the pages above this one; the last is this page's.
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const cursor = cursors.at(-1) ?? null;
  const query = useQuery(
    trpc.webhooks.deliveries.queryOptions(
      { endpoint_id: endpointId, limit: PAGE, cursor },
      { refetchInterval: (q) => (q.state.data?.data.some((d) => d.status === "pending") ? 2000 : false) },
    ),
  );
  const redeliver = useMutation(
    trpc.webhooks.redeliver.mutationOptions({
      onSuccess: () => {
        toast({ title: "Queued for delivery" });
        setCursors([null]);
        return queryClient.invalidateQueries({ queryKey: trpc.webhooks.deliveries.queryKey() });
      },
      onError: (error) => toast({ title: "Could not redeliver", description: error.message, variant: "destructive" }),
    }),
  );
  const rows = query.data?.data ?? [];
  return (
    <section aria-labelledby="delivery-log-title" className="space-y-2">
      <div className="flex items-center justify-between gap-2">
        <h2 id="delivery-log-title" className="text-lg font-semibold">
          Delivery log
        </h2>
        <div className="flex gap-1">
          <Button
            variant="outline"
            size="sm"
            disabled={cursors.length < 2}
            onClick={() => setCursors((c) => c.slice(0, -1))}
          >
            Newer
          </Button>
          <Button
            variant="outline"
            size="sm"
            disabled={!query.data?.next_cursor}
            onClick={() => setCursors((c) => [...c, query.data?.next_cursor ?? null])}
          >
            Older
          </Button>
        </div>
      </div>
      {query.isLoading ? (
        <p className="text-sm text-muted-foreground">Loading…</p>
      ) : query.error ? (
        <p className="text-sm text-destructive">{query.error.message}</p>
      ) : rows.length === 0 ? (
        <p className="rounded-lg border p-6 text-sm text-muted-foreground">
          Nothing sent to this endpoint yet. Use “Send test”, or change something it is subscribed to.
        </p>
      ) : (
        <Table aria-label="Deliveries">
          <TableHeader>
            <TableRow>
              <TableHead>Event</TableHead>
              <TableHead>Result</TableHead>
              <TableHead className="text-right">HTTP</TableHead>
              <TableHead className="text-right">Duration</TableHead>
              <TableHead className="text-right">Attempts</TableHead>
              <TableHead>Last attempt</TableHead>
              <TableHead>Answer</TableHead>
              {canWrite ? (
                <TableHead>
                  <span className="sr-only">Actions</span>
                </TableHead>
              ) : null}
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((d) => (
              <DeliveryRow
                key={d.id}
                delivery={d}
                onRedeliver={canWrite ? () => redeliver.mutate({ id: d.id }) : null}
                pending={redeliver.isPending}
              />
            ))}
          </TableBody>
        </Table>
      )}
    </section>
  );
}

function DeliveryRow({
  delivery: d,
  onRedeliver,
  pending,
}: {
  delivery: Delivery;
  onRedeliver: (() => void) | null;
  pending: boolean;
}) {
  return (
    <TableRow>
      <TableCell>
        <code className="text-xs">{d.event_type}</code>
        <div className="font-mono text-[11px] text-muted-foreground">{d.event_id ?? d.id}</div>
      </TableCell>
      <TableCell>
        <DeliveryStatusBadge delivery={d} />
        {d.status === "pending" && d.next_attempt_at && d.attempts > 0 ? (
          <div className="text-xs text-muted-foreground">
            next <RelativeTime value={d.next_attempt_at} />
          </div>
        ) : null}
      </TableCell>
      <TableCell className="text-right font-mono">{d.last_status_code ?? "—"}</TableCell>
      <TableCell className="text-right tabular-nums">
        {d.last_duration_ms === null ? "—" : `${d.last_duration_ms} ms`}
      </TableCell>
      <TableCell className="text-right tabular-nums">{d.attempts}</TableCell>
      <TableCell>
        <RelativeTime value={d.last_attempt_at ?? d.created_at} />
      </TableCell>
      <TableCell className="max-w-xs">
        {d.last_error && d.last_status_code === null ? (
          <span className="text-xs text-destructive">{d.last_error}</span>
        ) : d.last_response_snippet ? (
          <details>
            <summary className="cursor-pointer truncate font-mono text-xs">
              {d.last_response_snippet.slice(0, 60)}
            </summary>
            <pre className="mt-1 max-h-40 overflow-auto whitespace-pre-wrap break-all rounded bg-muted p-2 text-xs">
              {d.last_response_snippet}
            </pre>
          </details>
        ) : (
          <span className="text-muted-foreground">—</span>
        )}
      </TableCell>
      {onRedeliver ? (
        <TableCell className="text-right">
          <Button variant="outline" size="sm" onClick={onRedeliver} disabled={pending}>
            Redeliver
          </Button>
        </TableCell>
      ) : null}
    </TableRow>
  );
}
