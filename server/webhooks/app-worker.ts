// The delivery worker of the running app, started once per server process by instrumentation.ts
// (next start, next dev, npm start). WEBHOOK_WORKER=off leaves delivery to other instances.
import { getDb } from "../database";
import { log } from "../log";
import { startOutboxWorker, type OutboxWorker } from "./outbox-worker";
import { webhookWorkerEnabled } from "./webhook-config";

declare global {
  // One worker per process, also across Next's dev reloads.
  var consoleOutboxWorker: OutboxWorker | undefined;
}

export function startAppOutboxWorker(): void {
  if (globalThis.consoleOutboxWorker || !webhookWorkerEnabled()) return;
  globalThis.consoleOutboxWorker = startOutboxWorker(getDb());
  log.info("webhook delivery worker started");
}
