// A connection's health as one number (100 = nothing wrong) with the reasons that lowered it, so
// the list can be sorted by eye and each score explains itself. Pure: the list and the detail
// page pass the facts and the time. The score is never stored: sync age and expiry change with
// the clock.
import { z } from "zod";
import type { ConnectionStatus } from "../../db/types";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export const HEALTH_FACTORS = ["auth", "errors", "streak", "sync"] as const;
export const HEALTH_GRADES = ["healthy", "degraded", "critical"] as const;

export const ZHealthSchema = z.object({
  /** 0–100; 100 is a connection with nothing wrong */
  score: z.number().int().min(0).max(100),
  grade: z.enum(HEALTH_GRADES),
  /** every factor, worst first; penalty 0 means the factor is fine */
  factors: z.array(
    z.object({ key: z.enum(HEALTH_FACTORS), label: z.string(), penalty: z.number(), detail: z.string() }),
  ),
});
export type Health = z.infer<typeof ZHealthSchema>;
export type HealthFactor = Health["factors"][number];

export interface HealthFacts {
  status: ConnectionStatus;
  needs_relink: boolean;
  user_paused: boolean;
  platform_paused: boolean;
  open_error_count: number;
  /** failed runs in a row, newest first, up to the first successful one */
  failure_streak: number;
  last_sync_at: string | null;
  auth_expires_at: string | null;
}

/** "3 days", "5 hours", "under an hour": coarse on purpose, the tooltip is not a clock. */
export function roughDuration(ms: number): string {
  const abs = Math.abs(ms);
  if (abs < HOUR) return "under an hour";
  if (abs < DAY) {
    const h = Math.round(abs / HOUR);
    return `${h} hour${h === 1 ? "" : "s"}`;
  }
  const d = Math.round(abs / DAY);
  return `${d} day${d === 1 ? "" : "s"}`;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function authFactor(f: HealthFacts, now: number): HealthFactor {
  const label = "Credentials";
  if (f.needs_relink) return { key: "auth", label, penalty: 35, detail: `Needs relink (status ${f.status})` };
  const expires = f.auth_expires_at ? Date.parse(f.auth_expires_at) : NaN;
  if (Number.isNaN(expires)) return { key: "auth", label, penalty: 0, detail: "No expiry recorded" };
  const left = expires - now;
  if (left <= 0) return { key: "auth", label, penalty: 30, detail: `Expired ${roughDuration(left)} ago` };
  const detail = `Expire in ${roughDuration(left)}`;
  if (left <= DAY) return { key: "auth", label, penalty: 20, detail };
  if (left <= 7 * DAY) return { key: "auth", label, penalty: 10, detail };
  return { key: "auth", label, penalty: 0, detail };
}

function errorsFactor(f: HealthFacts): HealthFactor {
  const n = f.open_error_count;
  const detail = n === 0 ? "No open errors" : plural(n, "open error", "open errors");
  return { key: "errors", label: "Open errors", penalty: Math.min(40, 15 * n), detail };
}

function streakFactor(f: HealthFacts): HealthFactor {
  const n = f.failure_streak;
  const detail = n === 0 ? "Last run did not fail" : n === 1 ? "Last run failed" : `Last ${n} runs failed in a row`;
  return { key: "streak", label: "Failed runs", penalty: Math.min(30, 10 * n), detail };
}

function syncFactor(f: HealthFacts, now: number): HealthFactor {
  const label = "Last sync";
  // A paused connection is not expected to sync: its age is no news.
  if (f.user_paused || f.platform_paused) return { key: "sync", label, penalty: 0, detail: "Paused, not syncing" };
  const at = f.last_sync_at ? Date.parse(f.last_sync_at) : NaN;
  if (Number.isNaN(at)) {
    return f.status === "pending"
      ? { key: "sync", label, penalty: 0, detail: "Not synced yet (pending)" }
      : { key: "sync", label, penalty: 15, detail: "Never synced" };
  }
  const age = Math.max(0, now - at);
  const penalty = age < DAY ? 0 : age < 3 * DAY ? 5 : age < 7 * DAY ? 10 : age < 30 * DAY ? 20 : 25;
  return { key: "sync", label, penalty, detail: `${roughDuration(age)} ago` };
}

export function gradeOf(score: number): Health["grade"] {
  return score >= 80 ? "healthy" : score >= 50 ? "degraded" : "critical";
}

/** The score, its grade and every factor, the ones that cost most first. */
export function healthScore(facts: HealthFacts, now: number): Health {
  const factors = [authFactor(facts, now), errorsFactor(facts), streakFactor(facts), syncFactor(facts, now)];
  const score = Math.max(0, 100 - factors.reduce((sum, f) => sum + f.penalty, 0));
  // A stable sort keeps the fixed order among equal penalties.
  factors.sort((a, b) => b.penalty - a.penalty);
  return { score, grade: gradeOf(score), factors };
}

/** Runs that failed in a row, newest first, stopping at the first one that succeeded. */
export function failureStreak(statusesNewestFirst: string[]): number {
  let n = 0;
  for (const s of statusesNewestFirst) {
    if (/complete|success|succeeded/i.test(s)) break;
    if (/error|fail/i.test(s)) n++;
    // running, queued, cancelled: neither a failure nor a success, look further back
  }
  return n;
}

/** A row's last run failed (the row's own summary of its newest run). */
export const lastRunFailed = (status: string | null): boolean => status !== null && /error|fail/i.test(status);

/**
 * The streak as the list and the detail page both count it: none unless the row says its last
 * run failed, and then at least that one, even when its runs were never sent.
 */
export function streakOf(lastRunStatus: string | null, statusesNewestFirst: string[]): number {
  return lastRunFailed(lastRunStatus) ? Math.max(1, failureStreak(statusesNewestFirst)) : 0;
}
