// Runs once when a Next.js server process starts: the webhook delivery worker lives in the
// app's own process (server/webhooks/app-worker.ts), so `npm start` and `npm run dev` deliver;
// so does the alert rules' periodic evaluation (server/alerts/alerts-worker.ts).
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { startAppOutboxWorker } = await import("./server/webhooks/app-worker");
  startAppOutboxWorker();
  const { startAppAlertsWorker } = await import("./server/alerts/alerts-worker");
  startAppAlertsWorker();
}
