// The latest audit events in the scope (audit_events (tenant_id, at) / (at, id) indexes), with
// their connections' names.
import type { TenantScope } from "../scope/tenant-scope";
import type { Activity } from "./home.types";

export async function recentActivity(scope: TenantScope, limit: number): Promise<Activity[]> {
  const events = await scope
    .audit()
    .select(["id", "at", "actor_label", "action", "connection_id", "note"])
    .orderBy("at", "desc")
    .orderBy("id", "desc")
    .limit(limit)
    .execute();
  const ids = [...new Set(events.flatMap((e) => (e.connection_id ? [e.connection_id] : [])))];
  const names = ids.length
    ? new Map(
        (await scope.connections().select(["id", "name"]).where("id", "in", ids).execute()).map((c) => [c.id, c.name]),
      )
    : new Map<string, string>();
  return events.map((e) => ({
    id: e.id,
    at: e.at,
    actor: e.actor_label,
    action: e.action,
    connectionId: e.connection_id,
    connectionName: e.connection_id ? (names.get(e.connection_id) ?? null) : null,
    note: e.note,
  }));
}
