// The periodic alert tick inside the app process (started beside the webhook worker): every
// ALERTS_TICK_MS (default 30 s) it evaluates every enabled rule; `nudgeAlerts()` (after an
// ingest) runs a pass soon instead of waiting. ALERTS_WORKER=off leaves it to another instance.
import { getDb } from "../database";
import { log } from "../log";
import { evaluateAlerts } from "./evaluate";

declare global {
  var consoleAlertsWorker: { nudge(): void } | undefined;
}

export function alertsTickMs(): number {
  const n = Number(process.env.ALERTS_TICK_MS);
  return Number.isFinite(n) && n >= 200 ? n : 30_000;
}

export function startAppAlertsWorker(): void {
  if (globalThis.consoleAlertsWorker || process.env.ALERTS_WORKER === "off") return;
  let timer: NodeJS.Timeout | null = null;
  let running = false;
  let again = false;
  const schedule = (ms: number) => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void pass(), ms);
    timer.unref();
  };
  async function pass() {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      await evaluateAlerts(getDb());
    } catch (error) {
      log.error({ err: error }, "alert evaluation pass failed");
    } finally {
      running = false;
      schedule(again ? 0 : alertsTickMs());
      again = false;
    }
  }
  globalThis.consoleAlertsWorker = { nudge: () => schedule(250) };
  schedule(alertsTickMs());
  log.info("alert rule worker started");
}

/** Asks the running worker for a pass soon (after ingest or a state change); no-op without one. */
export function nudgeAlerts(): void {
  globalThis.consoleAlertsWorker?.nudge();
}
