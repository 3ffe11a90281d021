// A new webhook endpoint. A tenant's scope makes it that tenant's (its events only); an
// all-tenant scope (support staff, a platform-wide API key) makes it platform-wide unless it
// names a tenant. The secret is returned this once; the console keeps it sealed.
import { writeAudit } from "../audit/write-audit";
import { encryptSecret } from "../crypto";
import { BadRequestError, NotFoundError } from "../errors";
import type { EventType } from "../events/event-types";
import { newId, nowIso } from "../ids";
import type { TenantScope } from "../scope/tenant-scope";
import { storeEventTypes } from "./endpoint-events";
import { findEndpoint } from "./endpoint-view";
import { generateWebhookSecret } from "./signature";
import { validateEndpointUrl } from "./validate-url";
import { allowPrivateWebhooks } from "./webhook-config";
import type { EndpointWithSecret } from "./webhooks.types";

export interface CreateEndpointInput {
  url: string;
  events: readonly EventType[];
  description?: string | null;
  tenant_id?: string | null;
}

/** Most endpoints one tenant (or the platform) may have. */
export const MAX_ENDPOINTS = 20;

async function owningTenant(scope: TenantScope, requested: string | null | undefined): Promise<string | null> {
  if (!scope.allTenants) {
    // Another tenant is indistinguishable from a missing one.
    if (requested && requested !== scope.tenantId) throw new NotFoundError("Tenant");
    return scope.tenantId;
  }
  if (!requested) return null;
  const tenant = await scope.tenants().select("id").where("id", "=", requested).executeTakeFirst();
  if (!tenant) throw new NotFoundError("Tenant");
  return tenant.id;
}

export async function createWebhookEndpoint(
  scope: TenantScope,
  input: CreateEndpointInput,
): Promise<EndpointWithSecret> {
  const url = validateEndpointUrl(input.url, allowPrivateWebhooks());
  if (input.events.length === 0) throw new BadRequestError("events: choose at least one event type.");
  return scope.transaction(async (scope) => {
    const tenantId = await owningTenant(scope, input.tenant_id);
    const existing = await scope
      .webhookEndpoints()
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("webhook_endpoints.tenant_id", tenantId === null ? "is" : "=", tenantId)
      .executeTakeFirstOrThrow();
    if (existing.n >= MAX_ENDPOINTS) throw new BadRequestError(`At most ${MAX_ENDPOINTS} endpoints; delete one first.`);
    const id = newId("whe");
    const secret = generateWebhookSecret();
    const now = nowIso();
    await scope
      .insertInto("webhook_endpoints")
      .values({
        id,
        tenant_id: tenantId,
        url,
        description: input.description?.trim() || null,
        event_types: storeEventTypes(input.events),
        secret_encrypted: encryptSecret(secret),
        previous_secret_encrypted: null,
        previous_secret_expires_at: null,
        status: "active",
        failing_since: null,
        last_success_at: null,
        last_failure_at: null,
        created_by: scope.actor.id,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await writeAudit(scope, {
      actor: scope.actor,
      action: "webhook.create",
      tenantId,
      after: { endpoint_id: id, url, events: input.events },
      at: now,
    });
    const endpoint = await findEndpoint(scope, id);
    if (!endpoint) throw new Error("endpoint vanished after insert");
    return { endpoint, secret };
  });
}
