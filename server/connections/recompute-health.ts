// Keeps the row's derived health (open_error_count, needs_relink) true to its errors.
// Call inside the transaction that changed a connection's status or errors.
import { computeNeedsRelink } from "../adapters/status";
import type { TenantScope } from "../scope/tenant-scope";

export async function recomputeConnectionHealth(
  scope: TenantScope,
  connectionId: string,
): Promise<{ openErrors: number; needsRelink: boolean }> {
  const counts = await scope
    .errors()
    .select((eb) => [eb.fn.countAll<number>().as("open"), eb.fn.sum<number | null>("is_auth_error").as("auth")])
    .where("connection_id", "=", connectionId)
    .where("status", "=", "active")
    .executeTakeFirstOrThrow();
  const row = await scope.connections().select(["status"]).where("id", "=", connectionId).executeTakeFirstOrThrow();
  const openErrors = counts.open;
  const needsRelink = computeNeedsRelink(row.status, (counts.auth ?? 0) > 0);
  await scope
    .updateConnections()
    .set({ open_error_count: openErrors, needs_relink: needsRelink ? 1 : 0 })
    .where("id", "=", connectionId)
    .execute();
  return { openErrors, needsRelink };
}
