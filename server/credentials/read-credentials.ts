// The one path credentials take out of the console: the platform's own workers, holding a key
// with the credentials:read scope, read what a relink stored. Decrypted here and nowhere else for
// a response; every read is audited (connection.credentials_read) in the read's transaction, so a
// read that cannot be audited returns nothing.
import { z } from "zod";
import { writeAudit } from "../audit/write-audit";
import { decryptSecret } from "../crypto";
import { NotFoundError } from "../errors";
import { parseStringArray } from "../json-text";
import type { TenantScope } from "../scope/tenant-scope";

export const ZConnectionCredentialsSchema = z.object({
  connection_id: z.string(),
  auth_type: z.string().nullable(),
  scopes: z.array(z.string()),
  expires_at: z.string().nullable(),
  fingerprint: z.string().nullable().meta({ description: "Changes whenever the credentials change" }),
  credentials: z
    .record(z.string(), z.unknown())
    .nullable()
    .meta({ description: "The decrypted credentials (tokens as the provider issued them); null when none are stored" }),
});
export type ConnectionCredentials = z.infer<typeof ZConnectionCredentialsSchema>;

function credentialsObject(sealed: string): Record<string, unknown> {
  const value: unknown = JSON.parse(decryptSecret(sealed));
  if (typeof value !== "object" || value === null || Array.isArray(value))
    throw new Error("Stored credentials are not a JSON object.");
  return Object.fromEntries(Object.entries(value));
}

export async function readConnectionCredentials(
  scope: TenantScope,
  connectionId: string,
): Promise<ConnectionCredentials> {
  return scope.transaction(async (scope) => {
    const row = await scope
      .connections()
      .select([
        "connections.id",
        "connections.tenant_id",
        "connections.auth_type",
        "connections.auth_scopes",
        "connections.auth_expires_at",
        "connections.credentials_encrypted",
        "connections.credentials_fingerprint",
      ])
      .where("connections.id", "=", connectionId)
      .executeTakeFirst();
    if (!row) throw new NotFoundError();
    await writeAudit(scope, {
      actor: scope.actor,
      action: "connection.credentials_read",
      tenantId: row.tenant_id,
      connectionId: row.id,
      after: { fingerprint: row.credentials_fingerprint, present: row.credentials_encrypted !== null },
    });
    return {
      connection_id: row.id,
      auth_type: row.auth_type,
      scopes: parseStringArray(row.auth_scopes),
      expires_at: row.auth_expires_at,
      fingerprint: row.credentials_fingerprint,
      credentials: row.credentials_encrypted === null ? null : credentialsObject(row.credentials_encrypted),
    };
  });
}
