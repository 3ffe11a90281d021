import { NotFoundError } from "../../errors";
import { parseJsonText, parseStringArray } from "../../json-text";
import { redactSecrets } from "../../secrets/redact-secrets";
import type { ConnectionDetail } from "./detail.types";
import type { TenantScope } from "../../scope/tenant-scope";

/** One connection the user may see; NOT_FOUND for unknown ids and other tenants' alike. */
export async function getConnection(scope: TenantScope, id: string): Promise<ConnectionDetail> {
  const row = await scope
    .connections()
    .innerJoin("tenants", "tenants.id", "connections.tenant_id")
    .leftJoin("integrations", "integrations.provider", "connections.provider")
    .selectAll("connections")
    .select([
      "tenants.name as tenant_name",
      "tenants.slug as tenant_slug",
      "integrations.display_name as provider_display_name",
    ])
    .where("connections.id", "=", id)
    .executeTakeFirst();
  if (!row) throw new NotFoundError();
  const { credentials_encrypted, ...rest } = row;
  return {
    ...rest,
    has_credentials: credentials_encrypted !== null,
    categories: parseStringArray(row.categories),
    auth_scopes: parseStringArray(row.auth_scopes),
    permissions: parseStringArray(row.permissions),
    connection_info: redactSecrets(parseJsonText(row.connection_info)),
    metadata: redactSecrets(parseJsonText(row.metadata)),
    unmapped: redactSecrets(parseJsonText(row.unmapped)),
    last_run_source_parameters: redactSecrets(parseJsonText(row.last_run_source_parameters)),
    last_run_destination_parameters: redactSecrets(parseJsonText(row.last_run_destination_parameters)),
    needs_relink: Boolean(row.needs_relink),
    user_paused: Boolean(row.user_paused),
    platform_paused: Boolean(row.platform_paused),
    open_error_count: row.open_error_count,
    version: row.version,
  };
}
