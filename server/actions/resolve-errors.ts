// Resolve one or many connection errors with a note, keeping who resolved them and when.
// All or nothing: one transaction for the errors, each connection's recomputed health and
// version, and one audit event per connection touched.
import { writeAudit } from "../audit/write-audit";
import { recomputeConnectionHealth } from "../connections/recompute-health";
import { NotFoundError } from "../errors";
import { nowIso } from "../ids";
import type { ResolveErrorsResponse } from "./resolve-errors.types";
import type { TenantScope } from "../scope/tenant-scope";

export async function resolveErrors(
  scope: TenantScope,
  input: { errorIds: string[]; note: string },
): Promise<ResolveErrorsResponse> {
  const ids = [...new Set(input.errorIds)];
  return scope.transaction(async (scope) => {
    const found = await scope
      .errors()
      .select([
        "connection_errors.id",
        "connection_errors.connection_id",
        "connection_errors.tenant_id",
        "connection_errors.status",
      ])
      .where("connection_errors.id", "in", ids)
      .execute();
    // Another tenant's error is indistinguishable from a missing one, and nothing is changed.
    if (found.length !== ids.length) throw new NotFoundError("Error");

    const open = found.filter((e) => e.status === "active");
    const byConnection = new Map<string, { tenantId: string; errorIds: string[] }>();
    for (const e of open) {
      const entry = byConnection.get(e.connection_id) ?? { tenantId: e.tenant_id, errorIds: [] };
      entry.errorIds.push(e.id);
      byConnection.set(e.connection_id, entry);
    }

    const at = nowIso();
    const connections: ResolveErrorsResponse["connections"] = [];
    for (const [connectionId, entry] of byConnection) {
      const before = await scope
        .connections()
        .select(["open_error_count", "needs_relink", "version"])
        .where("id", "=", connectionId)
        .executeTakeFirstOrThrow();
      await scope
        .updateErrors()
        .set({ status: "resolved", resolved_at: at, resolved_by: scope.actor.name, resolution_note: input.note })
        .where("id", "in", entry.errorIds)
        .where("status", "=", "active")
        .execute();
      const health = await recomputeConnectionHealth(scope, connectionId);
      // The connection's visible state changed, so its version moves: a pause based on the old
      // view of it is stale.
      const after = await scope
        .updateConnections()
        .set((eb) => ({ version: eb("version", "+", 1), updated_at: at, updated_by: scope.actor.name }))
        .where("id", "=", connectionId)
        .returning(["version"])
        .executeTakeFirstOrThrow();
      await writeAudit(scope, {
        actor: scope.actor,
        action: "errors.resolve",
        tenantId: entry.tenantId,
        connectionId,
        before: {
          open_error_count: before.open_error_count,
          needs_relink: Boolean(before.needs_relink),
          version: before.version,
          error_ids: entry.errorIds,
        },
        after: {
          open_error_count: health.openErrors,
          needs_relink: health.needsRelink,
          version: after.version,
          resolved_at: at,
          resolved_by: scope.actor.name,
        },
        note: input.note,
        at,
      });
      connections.push({
        id: connectionId,
        openErrors: health.openErrors,
        needsRelink: health.needsRelink,
        version: after.version,
      });
    }
    return { resolved: open.length, skipped: found.length - open.length, connections };
  });
}
