// The delivery worker that runs inside each app process (instrumentation.ts): a loop that
// sequences events, sweeps expired links every 30 s, and keeps up to MAX_IN_FLIGHT deliveries
// going, claiming more as slots free up. It polls every IDLE_MS when there is nothing to do.
// Safe to run in several instances on PostgreSQL; on SQLite, run it in one process.
import type { DB } from "../../db";
import { log } from "../log";
import { recordExpiredLinks } from "../events/record-expired-links";
import { claimDeliveries } from "./claim-deliveries";
import { deliverClaimed } from "./deliver";
import { sequenceAndFanOut } from "./fan-out";
import { deliverOptions, type TickOptions } from "./outbox-tick";
import { LEASE_MS } from "./webhook-config";

const MAX_IN_FLIGHT = 32;
const IDLE_MS = 100;
const SWEEP_EVERY_MS = 30_000;

export interface OutboxWorker {
  /** Stops claiming and waits for the deliveries in flight. */
  stop(): Promise<void>;
}

export function startOutboxWorker(db: DB, options: TickOptions & { idleMs?: number } = {}): OutboxWorker {
  const deliver = deliverOptions(options);
  const leaseMs = options.leaseMs ?? LEASE_MS;
  const idleMs = options.idleMs ?? IDLE_MS;
  const inFlight = new Set<Promise<unknown>>();
  let stopped = false;
  let lastSweep = 0;
  let wake: (() => void) | null = null;

  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        wake = null;
        resolve();
      }
      wake = done;
    });

  async function pass(): Promise<boolean> {
    const now = deliver.now();
    if (now - lastSweep >= SWEEP_EVERY_MS) {
      lastSweep = now;
      await recordExpiredLinks(db, new Date(now).toISOString());
    }
    const sequenced = await sequenceAndFanOut(db);
    const claimed = await claimDeliveries(db, MAX_IN_FLIGHT - inFlight.size, deliver.now(), leaseMs);
    for (const delivery of claimed) {
      const job = deliverClaimed(db, delivery, deliver)
        .catch((error: unknown) =>
          log.error({ err: error, delivery: delivery.id }, "webhook delivery failed to record"),
        )
        .finally(() => {
          inFlight.delete(job);
          wake?.();
        });
      inFlight.add(job);
    }
    return sequenced > 0 || claimed.length > 0;
  }

  const loop = (async () => {
    while (!stopped) {
      let busy = false;
      try {
        busy = await pass();
      } catch (error) {
        log.error({ err: error }, "outbox worker pass failed");
      }
      if (!stopped && (!busy || inFlight.size >= MAX_IN_FLIGHT)) await pause(idleMs);
    }
  })();

  return {
    async stop() {
      stopped = true;
      wake?.();
      await loop;
      await Promise.allSettled([...inFlight]);
    },
  };
}
