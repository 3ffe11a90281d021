// Webhook delivery settings from the environment. Private addresses are allowed outside
// production (a demo or test receiver on localhost) and refused in production unless
// ALLOW_PRIVATE_WEBHOOKS says otherwise.
import { isProduction } from "../env";

function flag(value: string | undefined): boolean | null {
  if (value === undefined || value === "") return null;
  if (/^(1|true|on|yes)$/i.test(value)) return true;
  if (/^(0|false|off|no)$/i.test(value)) return false;
  throw new Error(`Expected on/off, got "${value}".`);
}

export function allowPrivateWebhooks(): boolean {
  return flag(process.env.ALLOW_PRIVATE_WEBHOOKS) ?? !isProduction();
}

/** Whether this process runs the delivery worker (WEBHOOK_WORKER=off leaves it to other instances). */
export function webhookWorkerEnabled(): boolean {
  return flag(process.env.WEBHOOK_WORKER) ?? true;
}

export const DELIVERY_TIMEOUT_MS = 10_000;
/** Bytes of a receiver's answer read at most; the rest is dropped with the connection. */
export const MAX_RESPONSE_BYTES = 64 * 1024;
/** Characters of the answer kept in the delivery log. */
export const SNIPPET_CHARS = 1024;
/** Retries go on this long after the first attempt; then the delivery fails and its endpoint is marked failing. */
export const RETRY_WINDOW_MS = 24 * 3_600_000;
/** How long a worker holds a claimed delivery: longer than a delivery can take. */
export const LEASE_MS = 60_000;
