// Webhook objects for the security suites, with ids a probe can name: per tenant an endpoint
// `whe_sec_<tenant>` with one delivery `whd_sec_<tenant>`, and a platform-wide endpoint
// `whe_sec_platform`. Their URLs carry `<tenant>-data`, one of the fixture's needles. Returns the
// signing secrets, which no response may ever hold.
import type { DB } from "../../../db";
import { encryptSecret } from "../../crypto";
import { storeEventTypes } from "../endpoint-events";
import { generateWebhookSecret } from "../signature";

export const plantedEndpointId = (tenantId: string | null) => `whe_sec_${tenantId ?? "platform"}`;
export const plantedDeliveryId = (tenantId: string | null) => `whd_sec_${tenantId ?? "platform"}`;

export async function plantWebhooks(db: DB, tenantIds: string[], now = new Date().toISOString()): Promise<string[]> {
  const secrets: string[] = [];
  for (const tenantId of [...tenantIds, null]) {
    const secret = generateWebhookSecret();
    secrets.push(secret);
    await db
      .insertInto("webhook_endpoints")
      .values({
        id: plantedEndpointId(tenantId),
        tenant_id: tenantId,
        url: `https://hooks.example.com/${tenantId ?? "platform"}-data/hook`,
        description: `Planted for ${tenantId ?? "platform"}-data`,
        event_types: storeEventTypes(["connection.paused"]),
        secret_encrypted: encryptSecret(secret),
        previous_secret_encrypted: null,
        previous_secret_expires_at: null,
        status: "active",
        failing_since: null,
        last_success_at: null,
        last_failure_at: null,
        created_by: "fixture",
        created_at: now,
        updated_at: now,
      })
      .execute();
    await db
      .insertInto("webhook_deliveries")
      .values({
        id: plantedDeliveryId(tenantId),
        endpoint_id: plantedEndpointId(tenantId),
        tenant_id: tenantId,
        event_id: null,
        event_type: "webhook.test",
        event_sequence: null,
        order_key: plantedDeliveryId(tenantId),
        test_body: JSON.stringify({ planted: `${tenantId ?? "platform"}-data` }),
        status: "succeeded",
        attempts: 1,
        next_attempt_at: now,
        last_status_code: 200,
        last_response_snippet: `ok ${tenantId ?? "platform"}-data`,
        delivered_at: now,
        created_at: now,
      })
      .execute();
  }
  return secrets;
}
