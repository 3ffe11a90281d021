// The webhook channel of a rule: its alert.triggered events go to the endpoint the rule names
// (besides any endpoint subscribed to alert.triggered). The fan-out asks here which endpoint each
// alert event in its batch names; only the event's own tenant's or a platform-wide endpoint counts.
import type { TenantScope } from "../scope/tenant-scope";

export async function alertTargets(
  scope: TenantScope,
  batch: { id: string; type: string }[],
): Promise<Map<string, string>> {
  const ids = batch.filter((e) => e.type === "alert.triggered").map((e) => e.id);
  const targets = new Map<string, string>();
  if (ids.length === 0) return targets;
  const rows = await scope.events().select(["id", "body"]).where("id", "in", ids).execute();
  for (const row of rows) {
    try {
      const body = JSON.parse(row.body) as { data?: { alert?: { endpoint_id?: unknown } } };
      const endpoint = body.data?.alert?.endpoint_id;
      if (typeof endpoint === "string") targets.set(row.id, endpoint);
    } catch {
      // a body the outbox wrote itself is JSON; nothing to target otherwise
    }
  }
  return targets;
}
