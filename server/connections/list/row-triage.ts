// What a support engineer needs per row to triage a page, beyond the row itself: the health
// score (with the failure streak it needs from the runs) and the newest relink link's state, so
// nobody sends a second link by accident. Read for one page of ids only, through the scope.
import type { TenantScope } from "../../scope/tenant-scope";
import { compareNewestRunsFirst } from "../../sql/run-order";
import { healthScore, lastRunFailed, streakOf, type Health } from "../health-score";
import type { RelinkSummary } from "./list.types";

/** Runs read per connection for its failure streak; the score stops growing at 3. */
const STREAK_RUNS = 6;

interface TriageFacts {
  id: string;
  status: Parameters<typeof healthScore>[0]["status"];
  needs_relink: boolean;
  user_paused: boolean;
  platform_paused: boolean;
  open_error_count: number;
  last_sync_at: string | null;
  auth_expires_at: string | null;
  last_run_status: string | null;
}

/**
 * Failed runs in a row per connection. Only rows whose last run failed can have a streak, so
 * only they read their runs: the newest few of each, in one statement for the whole page.
 */
export async function failureStreaks(scope: TenantScope, rows: TriageFacts[]): Promise<Map<string, number>> {
  const failing = rows.filter((r) => lastRunFailed(r.last_run_status));
  const query = scope.newestRunsOf(
    failing.map((r) => r.id),
    STREAK_RUNS,
  );
  const runs = query ? await query.execute() : [];
  const byConnection = new Map<string, typeof runs>();
  for (const run of runs) {
    const theirs = byConnection.get(run.connection_id);
    if (theirs) theirs.push(run);
    else byConnection.set(run.connection_id, [run]);
  }
  return new Map(
    failing.map((r) => [
      r.id,
      streakOf(
        r.last_run_status,
        (byConnection.get(r.id) ?? []).sort(compareNewestRunsFirst).map((x) => x.status),
      ),
    ]),
  );
}

export function relinkSummary(
  link: {
    created_at: string;
    expires_at: string;
    opened_at: string | null;
    used_at: string | null;
    revoked_at: string | null;
  },
  now: string,
): RelinkSummary {
  if (link.used_at) return { state: "completed", at: link.used_at, expires_at: link.expires_at };
  if (link.revoked_at) return { state: "revoked", at: link.revoked_at, expires_at: link.expires_at };
  if (link.expires_at <= now) return { state: "expired", at: link.expires_at, expires_at: link.expires_at };
  if (link.opened_at) return { state: "opened", at: link.opened_at, expires_at: link.expires_at };
  return { state: "open", at: link.created_at, expires_at: link.expires_at };
}

/** The newest relink link of each connection, summarised; connections without one are absent. */
export async function latestLinks(scope: TenantScope, ids: string[], now: number): Promise<Map<string, RelinkSummary>> {
  if (ids.length === 0) return new Map();
  const links = await scope
    .links()
    .select(["connection_id", "created_at", "expires_at", "opened_at", "used_at", "revoked_at"])
    .where("connection_id", "in", ids)
    .orderBy("connection_id")
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .execute();
  const nowIso = new Date(now).toISOString();
  const out = new Map<string, RelinkSummary>();
  for (const l of links) if (!out.has(l.connection_id)) out.set(l.connection_id, relinkSummary(l, nowIso));
  return out;
}

/** Health and relink state for a page of rows, in two reads. */
export async function triagePage(
  scope: TenantScope,
  rows: TriageFacts[],
  now: number,
): Promise<{ health: Map<string, Health>; relink: Map<string, RelinkSummary> }> {
  const [streaks, relink] = await Promise.all([
    failureStreaks(scope, rows),
    latestLinks(
      scope,
      rows.map((r) => r.id),
      now,
    ),
  ]);
  const health = new Map(
    rows.map((r) => [r.id, healthScore({ ...r, failure_streak: streaks.get(r.id) ?? 0 }, now)] as const),
  );
  return { health, relink };
}
