// Callers for each demo role, built the same way the HTTP handler builds its context.
import type { DB } from "../../db";
import type { Role } from "../../db/types";
import type { SessionUser } from "../auth/session-user";
import { createCaller } from "../routers";
import { createTRPCContext } from "../trpc";
import { TenantScope } from "../scope/tenant-scope";

export function userFor(role: Role, tenantId: string | null, tenantName: string | null = null): SessionUser {
  return {
    id: `usr_test_${role}_${tenantId ?? "staff"}`,
    email: `${role}@test`,
    name: role,
    role,
    tenantId,
    tenantName,
  };
}

export function callerAs(db: DB, user: SessionUser | null) {
  return createCaller(createTRPCContext(db, user, "http://localhost:3000"));
}

export const staff = () => userFor("support", null);
export const acmeAdmin = () => userFor("tenant_admin", "ten_acme", "Acme Corporation");
export const globexAdmin = () => userFor("tenant_admin", "ten_globex", "Globex");
export const acmeViewer = () => userFor("viewer", "ten_acme", "Acme Corporation");

/** The scope a role's procedures get, for calling domain functions directly. */
export const scopeAs = (db: DB, user: SessionUser) => TenantScope.forUser(db, user);
/** An all-tenant scope for fixtures that write audit events directly. */
export const ingestScope = (db: DB) => TenantScope.unscopedForIngest(db, null);
