// "Send test event": a webhook.test message queued for one endpoint, delivered by the worker
// like any other (signed, logged, retried). It is not an event: nothing changed, so GET /events
// and other endpoints never see it.
import { NotFoundError } from "../errors";
import { TEST_EVENT_TYPE } from "../events/event-types";
import { newId, nowIso } from "../ids";
import type { TenantScope } from "../scope/tenant-scope";
import { findDelivery } from "./delivery-view";
import { findEndpoint } from "./endpoint-view";
import type { Delivery } from "./webhooks.types";

export async function sendTestEvent(scope: TenantScope, endpointId: string): Promise<Delivery> {
  return scope.transaction(async (scope) => {
    const endpoint = await findEndpoint(scope, endpointId);
    if (!endpoint) throw new NotFoundError("Webhook endpoint");
    const id = newId("msg");
    const now = nowIso();
    const tenant = endpoint.tenant_id ? { id: endpoint.tenant_id, name: endpoint.tenant_name } : null;
    const body = {
      id,
      type: TEST_EVENT_TYPE,
      occurred_at: now,
      tenant,
      data: { endpoint: { id: endpoint.id, url: endpoint.url }, message: "A test event from the connections console." },
    };
    await scope
      .insertInto("webhook_deliveries")
      .values({
        id,
        endpoint_id: endpoint.id,
        tenant_id: endpoint.tenant_id,
        event_id: null,
        event_type: TEST_EVENT_TYPE,
        event_sequence: null,
        order_key: id,
        test_body: JSON.stringify(body),
        status: "pending",
        attempts: 0,
        next_attempt_at: now,
        created_at: now,
      })
      .execute();
    const delivery = await findDelivery(scope, id);
    if (!delivery) throw new Error("delivery vanished after insert");
    return delivery;
  });
}
