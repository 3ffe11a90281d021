// An endpoint row as the API shows it: never its secrets.
import type { TenantScope } from "../scope/tenant-scope";
import { parseEventTypes } from "./endpoint-events";
import type { WebhookEndpoint } from "./webhooks.types";

export const endpointColumns = [
  "webhook_endpoints.id",
  "webhook_endpoints.url",
  "webhook_endpoints.description",
  "webhook_endpoints.event_types",
  "webhook_endpoints.tenant_id",
  "webhook_endpoints.status",
  "webhook_endpoints.failing_since",
  "webhook_endpoints.last_success_at",
  "webhook_endpoints.last_failure_at",
  "webhook_endpoints.created_at",
] as const;

export function endpointsWithTenant(scope: TenantScope) {
  return scope
    .webhookEndpoints()
    .leftJoin("tenants", "tenants.id", "webhook_endpoints.tenant_id")
    .select([...endpointColumns, "tenants.name as tenant_name"]);
}

type Row = {
  id: string;
  url: string;
  description: string | null;
  event_types: string;
  tenant_id: string | null;
  tenant_name: string | null;
  status: WebhookEndpoint["status"];
  failing_since: string | null;
  last_success_at: string | null;
  last_failure_at: string | null;
  created_at: string;
};

export function toEndpoint({ event_types, ...row }: Row): WebhookEndpoint {
  return { ...row, events: parseEventTypes(event_types) };
}

export async function findEndpoint(scope: TenantScope, id: string): Promise<WebhookEndpoint | undefined> {
  const row = await endpointsWithTenant(scope).where("webhook_endpoints.id", "=", id).executeTakeFirst();
  return row ? toEndpoint(row) : undefined;
}
