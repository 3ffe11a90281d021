// Checks credentials for next-auth's credentials provider, slowing repeated failures per
// email + address and per email alone (throttle.ts).
import type { DB } from "../../db";
import type { SessionUser } from "./session-user";
import { dummyPasswordHash, verifyPassword } from "./password";
import {
  clearFailures,
  delayFor,
  EMAIL_RULE,
  emailThrottleKey,
  PAIR_RULE,
  recentFailures,
  recordFailure,
  throttleKey,
} from "./throttle";

export type SignInResult =
  | { ok: true; user: SessionUser }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "locked"; retryAfterSeconds: number };

export function lockedMessage(retryAfterSeconds: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return `Too many failed sign-ins. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Whether sign-in for this email from this address is locked, and for how long. */
export async function signInLock(
  db: DB,
  email: string,
  address: string,
  now = Date.now(),
): Promise<{ delayMs: number; retryAfterSeconds: number }> {
  const [pair, byEmail] = await Promise.all([
    recentFailures(db, throttleKey(email, address), now),
    recentFailures(db, emailThrottleKey(email), now),
  ]);
  const pairDelay = delayFor(pair.failures, PAIR_RULE);
  const emailDelay = delayFor(byEmail.failures, EMAIL_RULE);
  const locked = (delay: number, window: { endsAt: number | null }) =>
    delay === Number.POSITIVE_INFINITY ? (window.endsAt ?? 0) : 0;
  const lockedUntil = Math.max(locked(pairDelay, pair), locked(emailDelay, byEmail));
  return {
    delayMs: Math.max(pairDelay, emailDelay),
    retryAfterSeconds: lockedUntil > now ? Math.ceil((lockedUntil - now) / 1000) : 0,
  };
}

export async function signInWithPassword(
  db: DB,
  email: string,
  password: string,
  address: string,
): Promise<SignInResult> {
  const lock = await signInLock(db, email, address);
  if (lock.delayMs === Number.POSITIVE_INFINITY)
    return { ok: false, reason: "locked", retryAfterSeconds: lock.retryAfterSeconds };
  if (lock.delayMs > 0) await sleep(lock.delayMs);

  const row = await db
    .selectFrom("users")
    .leftJoin("tenants", "tenants.id", "users.tenant_id")
    .select([
      "users.id",
      "users.email",
      "users.name",
      "users.role",
      "users.tenant_id",
      "users.password_hash",
      "tenants.name as tenant_name",
    ])
    .where("users.email", "=", email.trim().toLowerCase())
    .executeTakeFirst();
  const valid = await verifyPassword(password, row?.password_hash ?? (await dummyPasswordHash()));
  if (!row || !valid) {
    await recordFailure(db, throttleKey(email, address));
    await recordFailure(db, emailThrottleKey(email));
    return { ok: false, reason: "invalid" };
  }
  // The per-email count stays until its window ends: a success in the middle of someone else's
  // guessing must not hand them a fresh allowance.
  await clearFailures(db, throttleKey(email, address));
  return {
    ok: true,
    user: {
      id: row.id,
      email: row.email,
      name: row.name,
      role: row.role,
      tenantId: row.tenant_id,
      tenantName: row.tenant_name,
    },
  };
}
