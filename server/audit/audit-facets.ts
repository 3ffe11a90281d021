// The values the audit page offers in its filter menus, limited to what the user may see.
import type { AuditFacets } from "./list.types";
import type { TenantScope } from "../scope/tenant-scope";

export async function auditFacets(scope: TenantScope): Promise<AuditFacets> {
  const actions = await scope.audit().select("audit_events.action").distinct().orderBy("audit_events.action").execute();
  const tenants = scope.allTenants ? await scope.tenants().select(["id", "name"]).orderBy("name").execute() : [];
  return { actions: actions.map((a) => a.action), tenants };
}
