// A delivery as the delivery log shows it.
import type { TenantScope } from "../scope/tenant-scope";
import type { Delivery } from "./webhooks.types";

export const deliveryColumns = [
  "webhook_deliveries.id",
  "webhook_deliveries.endpoint_id",
  "webhook_deliveries.event_id",
  "webhook_deliveries.event_type",
  "webhook_deliveries.status",
  "webhook_deliveries.attempts",
  "webhook_deliveries.next_attempt_at",
  "webhook_deliveries.last_attempt_at",
  "webhook_deliveries.last_status_code",
  "webhook_deliveries.last_duration_ms",
  "webhook_deliveries.last_response_snippet",
  "webhook_deliveries.last_error",
  "webhook_deliveries.delivered_at",
  "webhook_deliveries.created_at",
] as const;

/** Deliveries of endpoints this scope may see (the endpoint's tenant decides, not the event's). */
export function visibleDeliveries(scope: TenantScope) {
  return scope
    .webhookEndpoints()
    .innerJoin("webhook_deliveries", "webhook_deliveries.endpoint_id", "webhook_endpoints.id")
    .select(deliveryColumns);
}

export function toDelivery(row: Delivery): Delivery {
  // A finished delivery has no next attempt.
  return { ...row, next_attempt_at: row.status === "pending" ? row.next_attempt_at : null };
}

export async function findDelivery(scope: TenantScope, id: string): Promise<Delivery | undefined> {
  const row = await visibleDeliveries(scope).where("webhook_deliveries.id", "=", id).executeTakeFirst();
  return row ? toDelivery(row) : undefined;
}
