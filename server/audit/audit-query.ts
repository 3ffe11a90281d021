// The one tenant-scoped, filtered query over audit events that the list and the CSV export
// share, so the export can never show more than the page does.
import { sql } from "kysely";
import { fromBound, toBoundExclusive } from "./audit-bounds";
import type { AuditFilters } from "./list.types";
import type { TenantScope } from "../scope/tenant-scope";
import { containsPattern } from "../sql/like";

export function auditQuery(scope: TenantScope, filters: AuditFilters) {
  let q = scope
    .audit()
    .leftJoin("tenants", "tenants.id", "audit_events.tenant_id")
    .leftJoin("connections", "connections.id", "audit_events.connection_id")
    .select([
      "audit_events.id",
      "audit_events.at",
      "audit_events.actor_id",
      "audit_events.actor_label",
      "audit_events.tenant_id",
      "tenants.name as tenant_name",
      "audit_events.connection_id",
      "connections.name as connection_name",
      "audit_events.action",
      "audit_events.before",
      "audit_events.after",
      "audit_events.note",
    ]);
  if (filters.actor) {
    const actor = filters.actor;
    q = q.where((eb) =>
      eb.or([
        eb("audit_events.actor_id", "=", actor),
        sql<boolean>`lower(${sql.ref("audit_events.actor_label")}) like ${containsPattern(actor.toLowerCase())} escape '\\'`,
      ]),
    );
  }
  if (filters.action) q = q.where("audit_events.action", "=", filters.action);
  // The scope already confines tenant users; the filter is a staff convenience.
  if (filters.tenantId && scope.allTenants) q = q.where("audit_events.tenant_id", "=", filters.tenantId);
  if (filters.connectionId) q = q.where("audit_events.connection_id", "=", filters.connectionId);
  if (filters.from) q = q.where("audit_events.at", ">=", fromBound(filters.from));
  const before = filters.to ? toBoundExclusive(filters.to) : null;
  if (before) q = q.where("audit_events.at", "<", before);
  return q;
}
