// Route handlers and server components outside tRPC get their scope here: the signed-in user's,
// built from the process's database. No route ever holds the database itself.
import "server-only";
import { getSessionUser } from "../auth/get-session-user";
import type { SessionUser } from "../auth/session-user";
import { getDb } from "../database";
import { TenantScope } from "./tenant-scope";

export function scopeForUser(user: SessionUser): TenantScope {
  return TenantScope.forUser(getDb(), user);
}

/** The signed-in user and their scope, or null when nobody is signed in. */
export async function sessionScope(): Promise<{ user: SessionUser; scope: TenantScope } | null> {
  const user = await getSessionUser();
  return user ? { user, scope: scopeForUser(user) } : null;
}
