// How an endpoint's and a delivery's state read: words first, colour second.
import { Badge } from "@/components/ui/badge";
import type { Delivery, WebhookEndpoint } from "@/server/webhooks/webhooks.types";

const ENDPOINT = {
  active: { label: "Active", variant: "success" },
  failing: { label: "Failing", variant: "destructive" },
  disabled: { label: "Disabled", variant: "muted" },
} as const;

export function EndpointStatusBadge({ status }: { status: WebhookEndpoint["status"] }) {
  const { label, variant } = ENDPOINT[status];
  return <Badge variant={variant}>{label}</Badge>;
}

export function DeliveryStatusBadge({ delivery }: { delivery: Delivery }) {
  if (delivery.status === "succeeded") return <Badge variant="success">Delivered</Badge>;
  if (delivery.status === "failed") return <Badge variant="destructive">Failed</Badge>;
  if (delivery.attempts === 0) return <Badge variant="muted">Queued</Badge>;
  return <Badge variant="warning">Retrying</Badge>;
}
