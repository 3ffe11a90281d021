// Creating a key: the one moment its secret exists outside the caller's hands. Stored as a
// hash, audited in the same transaction.
import { writeAudit } from "../audit/write-audit";
import { BadRequestError, NotFoundError } from "../errors";
import { newId, nowIso } from "../ids";
import { serialiseScopes } from "./api-key-scopes";
import { generateApiKey } from "./api-key-token";
import type { ApiKeyRow, CreateApiKeyInput } from "./api-keys.types";
import { listApiKeys } from "./list-api-keys";
import type { TenantScope } from "../scope/tenant-scope";

export async function createApiKey(
  scope: TenantScope,
  input: CreateApiKeyInput,
): Promise<{ key: string; apiKey: ApiKeyRow }> {
  const { key, prefix, hash } = generateApiKey();
  const id = newId("key");
  await scope.transaction(async (scope) => {
    if (input.tenantId !== null) {
      const tenant = await scope.tenants().select("id").where("id", "=", input.tenantId).executeTakeFirst();
      if (!tenant) throw new BadRequestError("Unknown tenant.");
    }
    await scope
      .insertInto("api_keys")
      .values({
        id,
        name: input.name,
        prefix,
        key_hash: hash,
        platform: input.platform,
        tenant_id: input.tenantId,
        created_by: scope.actor.id,
        created_at: nowIso(),
        revoked_at: null,
        last_used_at: null,
        scopes: serialiseScopes(input.scopes),
      })
      .execute();
    await writeAudit(scope, {
      actor: scope.actor,
      action: "api_key.create",
      tenantId: input.tenantId,
      after: {
        id,
        name: input.name,
        prefix,
        platform: input.platform,
        tenantId: input.tenantId,
        scopes: input.scopes,
      },
    });
  });
  const [apiKey] = await listApiKeys(scope, { id });
  if (!apiKey) throw new NotFoundError("API key");
  return { key, apiKey };
}
