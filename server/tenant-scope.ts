// THE tenant-scoping helper. Every query on a tenant-owned table starts from one of these
// functions, so that a tenant admin or viewer can never read or change another tenant's
// rows: the tenant filter is part of the SQL, not an `if` after the fact.
import { sql, type SelectQueryBuilder } from "kysely";
import type { DB } from "../db";
import { isStaff, type SessionUser } from "./auth/session-user";

/** The tenant a user is confined to, or null for staff, who see all tenants. */
export function tenantConstraint(user: SessionUser): { tenantId: string } | null {
  if (isStaff(user)) return null;
  // A non-staff user without a tenant sees nothing: an impossible id, never "all".
  return { tenantId: user.tenantId ?? "\u0000no-tenant" };
}

function applyScope<D, T extends keyof D & string, O>(
  qb: SelectQueryBuilder<D, T, O>,
  user: SessionUser,
  table: T,
): SelectQueryBuilder<D, T, O> {
  const constraint = tenantConstraint(user);
  if (!constraint) return qb;
  return qb.where(sql<boolean>`${sql.ref(`${table}.tenant_id`)} = ${constraint.tenantId}`);
}

export const scopedConnections = (db: DB, user: SessionUser) =>
  applyScope(db.selectFrom("connections"), user, "connections");
export const scopedRuns = (db: DB, user: SessionUser) =>
  applyScope(db.selectFrom("connection_runs"), user, "connection_runs");
export const scopedErrors = (db: DB, user: SessionUser) =>
  applyScope(db.selectFrom("connection_errors"), user, "connection_errors");
export const scopedRelinkLinks = (db: DB, user: SessionUser) =>
  applyScope(db.selectFrom("relink_links"), user, "relink_links");
export const scopedAuditEvents = (db: DB, user: SessionUser) =>
  applyScope(db.selectFrom("audit_events"), user, "audit_events");
