// Slows repeated sign-in failures per email+address. Kept in the database, not in memory,
// so it holds across instances behind a load balancer.
import type { DB } from "../../db";

const WINDOW_MS = 15 * 60 * 1000;
const FREE_FAILURES = 3;
export const LOCK_AFTER = 10;

export function throttleKey(email: string, address: string): string {
  return `${email.trim().toLowerCase()}|${address}`;
}

/** Milliseconds to wait before answering, given prior failures; Infinity means locked. */
export function delayFor(failures: number): number {
  if (failures >= LOCK_AFTER) return Number.POSITIVE_INFINITY;
  if (failures < FREE_FAILURES) return 0;
  return Math.min(250 * 2 ** (failures - FREE_FAILURES), 8000);
}

export async function recentFailures(db: DB, key: string, now = Date.now()): Promise<number> {
  const row = await db
    .selectFrom("login_attempts")
    .select(["failures", "window_started_at"])
    .where("key", "=", key)
    .executeTakeFirst();
  if (!row) return 0;
  return now - Date.parse(row.window_started_at) > WINDOW_MS ? 0 : row.failures;
}

export async function recordFailure(db: DB, key: string, now = Date.now()): Promise<void> {
  const at = new Date(now).toISOString();
  const prior = await recentFailures(db, key, now);
  await db
    .insertInto("login_attempts")
    .values({ key, failures: 1, window_started_at: at, last_failure_at: at })
    .onConflict((oc) =>
      oc
        .column("key")
        .doUpdateSet(
          prior === 0
            ? { failures: 1, window_started_at: at, last_failure_at: at }
            : { failures: prior + 1, last_failure_at: at },
        ),
    )
    .execute();
}

export async function clearFailures(db: DB, key: string): Promise<void> {
  await db.deleteFrom("login_attempts").where("key", "=", key).execute();
}
