// Step three: send one claimed delivery and record what happened, guarded by the claim's lock
// token (a worker whose lease ran out and was overtaken records nothing). A failure is retried
// with exponential backoff and jitter until RETRY_WINDOW_MS after the first attempt; then the
// delivery fails and its endpoint is marked failing. A success marks the endpoint active again.
import type { DB } from "../../db";
import { decryptSecret } from "../crypto";
import { TenantScope } from "../scope/tenant-scope";
import type { ClaimedDelivery } from "./claim-deliveries";
import { postWebhook, type PostOptions, type PostResult } from "./post-webhook";
import { webhookHeaders } from "./signature";
import { RETRY_WINDOW_MS } from "./webhook-config";

const FIRST_RETRY_MS = 5_000;
/** How often one process writes an endpoint's last success (and so clears "failing"). */
const ACTIVE_MARK_EVERY_MS = 5_000;
const lastMarkedActive = new Map<string, number>();
const MAX_RETRY_MS = 3_600_000;

/** The wait before attempt `attempts + 1`: 5 s doubling to at most an hour, ±25 % jitter. */
export function retryDelayMs(attempts: number, random: () => number = Math.random): number {
  const base = Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1), MAX_RETRY_MS);
  return Math.round(base * (0.75 + random() * 0.5));
}

function signingSecrets(delivery: ClaimedDelivery, now: number): string[] {
  const secrets = [decryptSecret(delivery.secretEncrypted)];
  if (
    delivery.previousSecretEncrypted &&
    delivery.previousSecretExpiresAt &&
    Date.parse(delivery.previousSecretExpiresAt) > now
  ) {
    secrets.push(decryptSecret(delivery.previousSecretEncrypted));
  }
  return secrets;
}

export interface DeliverOptions extends PostOptions {
  now: () => number;
}

export async function deliverClaimed(db: DB, delivery: ClaimedDelivery, options: DeliverOptions): Promise<PostResult> {
  const started = options.now();
  const headers = webhookHeaders(signingSecrets(delivery, started), delivery.messageId, delivery.body, started);
  const result = await postWebhook(delivery.url, headers, delivery.body, options);
  await recordAttempt(db, delivery, result, started, options.now());
  return result;
}

async function recordAttempt(
  db: DB,
  delivery: ClaimedDelivery,
  result: PostResult,
  startedMs: number,
  nowMs: number,
): Promise<void> {
  const attemptedAt = new Date(startedMs).toISOString();
  const now = new Date(nowMs).toISOString();
  const firstAttemptAt = delivery.firstAttemptAt ?? attemptedAt;
  const attempts = delivery.attempts + 1;
  const givesUp = !result.ok && nowMs - Date.parse(firstAttemptAt) >= RETRY_WINDOW_MS;
  const scope = TenantScope.unscopedForOutbox(db);
  const recorded = await scope
    .updateWebhookDeliveries()
    .set({
      status: result.ok ? "succeeded" : givesUp ? "failed" : "pending",
      attempts,
      first_attempt_at: firstAttemptAt,
      last_attempt_at: attemptedAt,
      last_status_code: result.statusCode,
      last_duration_ms: result.durationMs,
      last_response_snippet: result.snippet,
      last_error: result.error,
      delivered_at: result.ok ? now : null,
      next_attempt_at: result.ok || givesUp ? now : new Date(nowMs + retryDelayMs(attempts)).toISOString(),
      locked_until: null,
      lock_token: null,
    })
    .where("id", "=", delivery.id)
    .where("lock_token", "=", delivery.lockToken)
    .executeTakeFirst();
  if (Number(recorded.numUpdatedRows) !== 1) return;
  // The endpoint's health is a summary, not part of the delivery's record: written on its own,
  // and on success only when it says something new (not once per delivery to a busy endpoint).
  const endpoint = scope
    .updateWebhookEndpoints()
    .where("id", "=", delivery.endpointId)
    .where("status", "!=", "disabled");
  if (result.ok) {
    if (nowMs - (lastMarkedActive.get(delivery.endpointId) ?? 0) < ACTIVE_MARK_EVERY_MS) return;
    lastMarkedActive.set(delivery.endpointId, nowMs);
    await endpoint.set({ status: "active", failing_since: null, last_success_at: now }).execute();
  } else if (givesUp) {
    lastMarkedActive.delete(delivery.endpointId);
    await endpoint
      .set((eb) => ({
        status: "failing",
        failing_since: eb.fn.coalesce("failing_since", eb.val(now)),
        last_failure_at: now,
      }))
      .execute();
  } else {
    await endpoint.set({ last_failure_at: now }).execute();
  }
}
