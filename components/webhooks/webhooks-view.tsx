"use client";
// The Webhooks page's live part: the endpoint list (refreshed after each change) and the
// delivery log of the endpoint chosen.
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc-client";
import type { WebhookEndpoint } from "@/server/webhooks/webhooks.types";
import { DeliveryLog } from "./delivery-log";
import { EndpointsTable } from "./endpoints-table";

export function WebhooksView({
  initial,
  canWrite,
  showTenant,
  eventTypeCount,
}: {
  initial: { data: WebhookEndpoint[]; next_cursor: string | null };
  canWrite: boolean;
  showTenant: boolean;
  eventTypeCount: number;
}) {
  const trpc = useTRPC();
  const endpoints = useQuery(trpc.webhooks.list.queryOptions({ limit: 200 }, { initialData: initial })).data.data;
  const [chosen, setChosen] = useState<string | null>(null);
  // The chosen endpoint, or the first one while none is (or the chosen one was deleted).
  const selectedId = endpoints.find((e) => e.id === chosen)?.id ?? endpoints[0]?.id ?? null;
  return (
    <div className="space-y-6">
      <EndpointsTable
        endpoints={endpoints}
        selectedId={selectedId}
        onSelect={setChosen}
        canWrite={canWrite}
        showTenant={showTenant}
        eventTypeCount={eventTypeCount}
      />
      {selectedId ? <DeliveryLog key={selectedId} endpointId={selectedId} canWrite={canWrite} /> : null}
    </div>
  );
}
