// Slows and then locks repeated sign-in failures, counted twice: per email + client address
// (one person mistyping is slowed early and locked after 10), and per email alone (an attacker
// rotating addresses, or many clients behind one address, gets at most 30 tries per window for
// one account). Kept in the database, not in memory, so it holds across instances behind a load
// balancer; the address comes from server/http/client-address.ts, never from the raw header.
import { sql } from "kysely";
import type { DB } from "../../db";

export const WINDOW_MS = 15 * 60 * 1000;

interface Rule {
  /** Failures answered at once. */
  free: number;
  /** Failures after which every attempt is refused until the window ends. */
  lockAfter: number;
}

/** Per email + address. */
export const PAIR_RULE: Rule = { free: 3, lockAfter: 10 };
/** Per email alone, whatever the address. */
export const EMAIL_RULE: Rule = { free: 10, lockAfter: 30 };
export const LOCK_AFTER = PAIR_RULE.lockAfter;

const normalEmail = (email: string) => email.trim().toLowerCase();

export function throttleKey(email: string, address: string): string {
  return `${normalEmail(email)}|${address}`;
}

/** The per-email key. "*" is not an address, so no client address can collide with it. */
export function emailThrottleKey(email: string): string {
  return `${normalEmail(email)}|*`;
}

/** Milliseconds to wait before answering, given prior failures; Infinity means locked. */
export function delayFor(failures: number, rule: Rule = PAIR_RULE): number {
  if (failures >= rule.lockAfter) return Number.POSITIVE_INFINITY;
  if (failures < rule.free) return 0;
  return Math.min(250 * 2 ** (failures - rule.free), 8000);
}

export interface FailureWindow {
  failures: number;
  /** When the window (and any lock) ends, in epoch ms; null when there were no recent failures. */
  endsAt: number | null;
}

export async function recentFailures(db: DB, key: string, now = Date.now()): Promise<FailureWindow> {
  const row = await db
    .selectFrom("login_attempts")
    .select(["failures", "window_started_at"])
    .where("key", "=", key)
    .executeTakeFirst();
  if (!row) return { failures: 0, endsAt: null };
  const endsAt = Date.parse(row.window_started_at) + WINDOW_MS;
  return endsAt <= now ? { failures: 0, endsAt: null } : { failures: Number(row.failures), endsAt };
}

/**
 * One atomic upsert: concurrent failures each count (a read-then-write would let parallel
 * attempts overwrite each other's count), and a failure after the window starts a new one.
 */
export async function recordFailure(db: DB, key: string, now = Date.now()): Promise<void> {
  const at = new Date(now).toISOString();
  const windowFloor = new Date(now - WINDOW_MS).toISOString();
  const fresh = sql<boolean>`login_attempts.window_started_at > ${windowFloor}`;
  await db
    .insertInto("login_attempts")
    .values({ key, failures: 1, window_started_at: at, last_failure_at: at })
    .onConflict((oc) =>
      oc.column("key").doUpdateSet({
        failures: sql<number>`case when ${fresh} then login_attempts.failures + 1 else 1 end`,
        window_started_at: sql<string>`case when ${fresh} then login_attempts.window_started_at else excluded.window_started_at end`,
        last_failure_at: sql<string>`excluded.last_failure_at`,
      }),
    )
    .execute();
}

export async function clearFailures(db: DB, key: string): Promise<void> {
  await db.deleteFrom("login_attempts").where("key", "=", key).execute();
}
