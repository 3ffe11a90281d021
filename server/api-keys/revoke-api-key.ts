// Revoking is immediate and final: the next request with the key gets 401.
import { writeAudit } from "../audit/write-audit";
import { ConflictError, NotFoundError } from "../errors";
import { nowIso } from "../ids";
import type { ApiKeyRow } from "./api-keys.types";
import { listApiKeys } from "./list-api-keys";
import type { TenantScope } from "../scope/tenant-scope";

export async function revokeApiKey(scope: TenantScope, id: string): Promise<ApiKeyRow> {
  await scope.transaction(async (scope) => {
    const key = await scope
      .apiKeys()
      .select(["id", "prefix", "tenant_id", "revoked_at"])
      .where("id", "=", id)
      .executeTakeFirst();
    if (!key) throw new NotFoundError("API key");
    if (key.revoked_at !== null) throw new ConflictError("This API key is already revoked.");
    const at = nowIso();
    await scope.updateApiKeys().set({ revoked_at: at }).where("id", "=", id).execute();
    await writeAudit(scope, {
      actor: scope.actor,
      action: "api_key.revoke",
      tenantId: key.tenant_id,
      before: { id, prefix: key.prefix },
      after: { revokedAt: at },
    });
  });
  const [row] = await listApiKeys(scope, { id });
  if (!row) throw new NotFoundError("API key");
  return row;
}
