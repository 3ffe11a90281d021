// Deleting an endpoint stops its deliveries at once; its delivery log goes with it.
import { writeAudit } from "../audit/write-audit";
import { NotFoundError } from "../errors";
import type { TenantScope } from "../scope/tenant-scope";
import { findEndpoint } from "./endpoint-view";

export async function deleteWebhookEndpoint(scope: TenantScope, id: string): Promise<{ deleted: true }> {
  return scope.transaction(async (scope) => {
    const endpoint = await findEndpoint(scope, id);
    if (!endpoint) throw new NotFoundError("Webhook endpoint");
    await scope.deleteWebhookEndpoints().where("id", "=", id).execute();
    await writeAudit(scope, {
      actor: scope.actor,
      action: "webhook.delete",
      tenantId: endpoint.tenant_id,
      before: { endpoint_id: id, url: endpoint.url, events: endpoint.events },
    });
    return { deleted: true };
  });
}
