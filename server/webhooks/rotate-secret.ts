// A new signing secret, returned once. The old one keeps signing beside it (two signatures in
// webhook-signature) for a day, so receivers can switch without losing a message.
import { writeAudit } from "../audit/write-audit";
import { encryptSecret } from "../crypto";
import { NotFoundError } from "../errors";
import { nowIso } from "../ids";
import type { TenantScope } from "../scope/tenant-scope";
import { findEndpoint } from "./endpoint-view";
import { generateWebhookSecret } from "./signature";
import type { EndpointWithSecret } from "./webhooks.types";

export const PREVIOUS_SECRET_GRACE_MS = 24 * 3_600_000;

export async function rotateWebhookSecret(scope: TenantScope, id: string): Promise<EndpointWithSecret> {
  return scope.transaction(async (scope) => {
    const current = await scope
      .webhookEndpoints()
      .select(["id", "tenant_id", "secret_encrypted"])
      .where("id", "=", id)
      .executeTakeFirst();
    if (!current) throw new NotFoundError("Webhook endpoint");
    const secret = generateWebhookSecret();
    const now = nowIso();
    await scope
      .updateWebhookEndpoints()
      .set({
        secret_encrypted: encryptSecret(secret),
        previous_secret_encrypted: current.secret_encrypted,
        previous_secret_expires_at: new Date(Date.parse(now) + PREVIOUS_SECRET_GRACE_MS).toISOString(),
        updated_at: now,
      })
      .where("id", "=", id)
      .execute();
    await writeAudit(scope, {
      actor: scope.actor,
      action: "webhook.rotate_secret",
      tenantId: current.tenant_id,
      after: { endpoint_id: id },
      at: now,
    });
    const endpoint = await findEndpoint(scope, id);
    if (!endpoint) throw new NotFoundError("Webhook endpoint");
    return { endpoint, secret };
  });
}
