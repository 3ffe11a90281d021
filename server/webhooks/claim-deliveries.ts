// Step two: claim due deliveries with a lease. A delivery is due when it is pending, its
// next attempt time has come, no live lease holds it, and no earlier delivery of the same
// endpoint and connection is still pending (so each connection's events arrive in order, one
// at a time). On PostgreSQL the claim is FOR UPDATE SKIP LOCKED, so instances never claim the
// same row; a worker that dies leaves its lease to expire, and the delivery is claimed again.
import { randomBytes } from "node:crypto";
import { sql } from "kysely";
import { dbKind, type DB } from "../../db";
import { TenantScope } from "../scope/tenant-scope";

export interface ClaimedDelivery {
  id: string;
  lockToken: string;
  endpointId: string;
  url: string;
  secretEncrypted: string;
  previousSecretEncrypted: string | null;
  previousSecretExpiresAt: string | null;
  /** webhook-id: the event's id (the same on every attempt), or the test delivery's own id */
  messageId: string;
  body: string;
  attempts: number;
  firstAttemptAt: string | null;
}

export async function claimDeliveries(db: DB, limit: number, now: number, leaseMs: number): Promise<ClaimedDelivery[]> {
  if (limit <= 0) return [];
  const at = new Date(now).toISOString();
  const lockToken = randomBytes(12).toString("hex");
  const scope = TenantScope.unscopedForOutbox(db);
  let due = scope
    .webhookDeliveries()
    .select("webhook_deliveries.id")
    .where("webhook_deliveries.status", "=", "pending")
    .where("webhook_deliveries.next_attempt_at", "<=", at)
    .where((eb) =>
      eb.or([eb("webhook_deliveries.locked_until", "is", null), eb("webhook_deliveries.locked_until", "<", at)]),
    )
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom("webhook_deliveries as earlier")
            .select(sql.lit(1).as("one"))
            .whereRef("earlier.endpoint_id", "=", "webhook_deliveries.endpoint_id")
            .whereRef("earlier.order_key", "=", "webhook_deliveries.order_key")
            .where("earlier.status", "=", "pending")
            .whereRef("earlier.event_sequence", "<", "webhook_deliveries.event_sequence"),
        ),
      ),
    )
    .orderBy("webhook_deliveries.next_attempt_at")
    .orderBy("webhook_deliveries.event_sequence")
    .limit(limit);
  if (dbKind(db) === "postgres") due = due.forUpdate().skipLocked();
  // One statement: the due rows are chosen and leased together (UPDATE … WHERE id IN (SELECT …)).
  const claimed = await scope
    .updateWebhookDeliveries()
    .set({ locked_until: new Date(now + leaseMs).toISOString(), lock_token: lockToken })
    .where("id", "in", due)
    .returning("id")
    .execute();
  const ids = claimed.map((r) => r.id);
  if (ids.length === 0) return [];
  const rows = await scope
    .webhookDeliveries()
    .innerJoin("webhook_endpoints", "webhook_endpoints.id", "webhook_deliveries.endpoint_id")
    .leftJoin("events", "events.id", "webhook_deliveries.event_id")
    .select([
      "webhook_deliveries.id",
      "webhook_deliveries.endpoint_id",
      "webhook_deliveries.event_id",
      "webhook_deliveries.test_body",
      "webhook_deliveries.attempts",
      "webhook_deliveries.first_attempt_at",
      "webhook_endpoints.url",
      "webhook_endpoints.secret_encrypted",
      "webhook_endpoints.previous_secret_encrypted",
      "webhook_endpoints.previous_secret_expires_at",
      "events.body",
    ])
    .where("webhook_deliveries.id", "in", ids)
    .where("webhook_deliveries.lock_token", "=", lockToken)
    .orderBy("webhook_deliveries.event_sequence")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    lockToken,
    endpointId: r.endpoint_id,
    url: r.url,
    secretEncrypted: r.secret_encrypted,
    previousSecretEncrypted: r.previous_secret_encrypted,
    previousSecretExpiresAt: r.previous_secret_expires_at,
    messageId: r.event_id ?? r.id,
    body: r.body ?? r.test_body ?? "{}",
    attempts: r.attempts,
    firstAttemptAt: r.first_attempt_at,
  }));
}
