// API keys as support sees them: never the hash, never the key.
import type { TenantScope } from "../scope/tenant-scope";
import { parseScopes } from "./api-key-scopes";
import type { ApiKeyRow } from "./api-keys.types";

export async function listApiKeys(scope: TenantScope, where: { id?: string } = {}): Promise<ApiKeyRow[]> {
  let query = scope
    .apiKeys()
    .leftJoin("tenants", "tenants.id", "api_keys.tenant_id")
    .select([
      "api_keys.id",
      "api_keys.name",
      "api_keys.prefix",
      "api_keys.platform",
      "api_keys.tenant_id as tenantId",
      "tenants.name as tenantName",
      "api_keys.created_by as createdBy",
      "api_keys.created_at as createdAt",
      "api_keys.revoked_at as revokedAt",
      "api_keys.last_used_at as lastUsedAt",
      "api_keys.scopes",
    ])
    .orderBy("api_keys.created_at", "desc")
    .orderBy("api_keys.id", "desc");
  if (where.id !== undefined) query = query.where("api_keys.id", "=", where.id);
  const rows = await query.execute();
  return rows.map((row) => ({ ...row, scopes: parseScopes(row.scopes) }));
}

export async function listTenantOptions(scope: TenantScope) {
  return scope.tenants().select(["id", "slug", "name"]).orderBy("name").execute();
}
