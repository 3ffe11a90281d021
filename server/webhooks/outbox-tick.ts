// One pass of the outbox worker, callable on its own (tests, benchmarks): sequence and fan out
// new events, record expired relink links, then claim due deliveries and send them.
import type { DB } from "../../db";
import { recordExpiredLinks } from "../events/record-expired-links";
import { claimDeliveries } from "./claim-deliveries";
import { deliverClaimed, type DeliverOptions } from "./deliver";
import { sequenceAndFanOut } from "./fan-out";
import {
  allowPrivateWebhooks,
  DELIVERY_TIMEOUT_MS,
  LEASE_MS,
  MAX_RESPONSE_BYTES,
  SNIPPET_CHARS,
} from "./webhook-config";

export interface TickOptions extends Partial<DeliverOptions> {
  /** deliveries claimed at most in this pass */
  limit?: number;
  leaseMs?: number;
  /** skip the expired-link sweep (the worker runs it every 30 s, not every pass) */
  sweep?: boolean;
}

export interface TickReport {
  sequenced: number;
  expired: number;
  attempted: number;
  succeeded: number;
}

export function deliverOptions(options: TickOptions = {}): DeliverOptions {
  return {
    now: options.now ?? Date.now,
    timeoutMs: options.timeoutMs ?? DELIVERY_TIMEOUT_MS,
    maxResponseBytes: options.maxResponseBytes ?? MAX_RESPONSE_BYTES,
    snippetChars: options.snippetChars ?? SNIPPET_CHARS,
    allowPrivate: options.allowPrivate ?? allowPrivateWebhooks(),
  };
}

export async function runOutboxTick(db: DB, options: TickOptions = {}): Promise<TickReport> {
  const deliver = deliverOptions(options);
  const expired = options.sweep === false ? 0 : await recordExpiredLinks(db, new Date(deliver.now()).toISOString());
  const sequenced = await sequenceAndFanOut(db);
  const claimed = await claimDeliveries(db, options.limit ?? 100, deliver.now(), options.leaseMs ?? LEASE_MS);
  const results = await Promise.all(claimed.map((d) => deliverClaimed(db, d, deliver)));
  return { sequenced, expired, attempted: claimed.length, succeeded: results.filter((r) => r.ok).length };
}
