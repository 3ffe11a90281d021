// Checks credentials for next-auth's credentials provider, slowing repeated failures.
import type { DB } from "../../db";
import type { SessionUser } from "./session-user";
import { dummyPasswordHash, verifyPassword } from "./password";
import { clearFailures, delayFor, recentFailures, recordFailure, throttleKey } from "./throttle";

export type SignInResult = { ok: true; user: SessionUser } | { ok: false; reason: "invalid" | "locked" };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function signInWithPassword(
  db: DB,
  email: string,
  password: string,
  address: string,
): Promise<SignInResult> {
  const key = throttleKey(email, address);
  const delay = delayFor(await recentFailures(db, key));
  if (delay === Number.POSITIVE_INFINITY) return { ok: false, reason: "locked" };
  if (delay > 0) await sleep(delay);

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
    await recordFailure(db, key);
    return { ok: false, reason: "invalid" };
  }
  await clearFailures(db, key);
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
