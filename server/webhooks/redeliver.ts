// Redeliver: a pending delivery is tried now; a finished one (succeeded or failed) is sent again
// as a new delivery of the same message (same webhook-id, so a receiver can tell it is a repeat),
// behind any earlier pending delivery of the same connection.
import { NotFoundError } from "../errors";
import { newId, nowIso } from "../ids";
import type { TenantScope } from "../scope/tenant-scope";
import { findDelivery } from "./delivery-view";
import type { Delivery } from "./webhooks.types";

export async function redeliver(scope: TenantScope, deliveryId: string): Promise<Delivery> {
  return scope.transaction(async (scope) => {
    const visible = await findDelivery(scope, deliveryId);
    if (!visible) throw new NotFoundError("Delivery");
    const now = nowIso();
    if (visible.status === "pending") {
      await scope.updateWebhookDeliveries().set({ next_attempt_at: now }).where("id", "=", deliveryId).execute();
      return (await findDelivery(scope, deliveryId)) ?? visible;
    }
    const source = await scope
      .webhookDeliveries()
      .select(["endpoint_id", "tenant_id", "event_id", "event_type", "event_sequence", "order_key", "test_body"])
      .where("id", "=", deliveryId)
      .executeTakeFirstOrThrow();
    const id = newId("whd");
    await scope
      .insertInto("webhook_deliveries")
      .values({
        ...source,
        id,
        // a test message is its own order; an event keeps its connection's
        order_key: source.event_id ? source.order_key : id,
        status: "pending",
        attempts: 0,
        next_attempt_at: now,
        created_at: now,
      })
      .execute();
    const created = await findDelivery(scope, id);
    if (!created) throw new Error("delivery vanished after insert");
    return created;
  });
}
