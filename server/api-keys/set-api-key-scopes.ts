// Changing what a live key may do. Takes effect on the key's next request (scopes are read with
// the key on every request); audited with the scopes before and after.
import { writeAudit } from "../audit/write-audit";
import { ConflictError, NotFoundError } from "../errors";
import type { TenantScope } from "../scope/tenant-scope";
import { parseScopes, serialiseScopes } from "./api-key-scopes";
import type { ApiKeyRow, SetApiKeyScopesInput } from "./api-keys.types";
import { listApiKeys } from "./list-api-keys";

export async function setApiKeyScopes(scope: TenantScope, input: SetApiKeyScopesInput): Promise<ApiKeyRow> {
  await scope.transaction(async (scope) => {
    const key = await scope
      .apiKeys()
      .select(["id", "prefix", "tenant_id", "revoked_at", "scopes"])
      .where("id", "=", input.id)
      .executeTakeFirst();
    if (!key) throw new NotFoundError("API key");
    if (key.revoked_at !== null) throw new ConflictError("This API key is revoked; create a new one instead.");
    const before = parseScopes(key.scopes);
    if (serialiseScopes(before) === serialiseScopes(input.scopes)) return;
    await scope
      .updateApiKeys()
      .set({ scopes: serialiseScopes(input.scopes) })
      .where("id", "=", input.id)
      .execute();
    await writeAudit(scope, {
      actor: scope.actor,
      action: "api_key.scopes",
      tenantId: key.tenant_id,
      before: { id: key.id, prefix: key.prefix, scopes: before },
      after: { scopes: input.scopes },
    });
  });
  const [row] = await listApiKeys(scope, { id: input.id });
  if (!row) throw new NotFoundError("API key");
  return row;
}
