// Who is calling the ingest API: the `Authorization: Bearer <key>` header against the stored
// hashes. Revoked and unknown keys look the same to the caller.
import type { DB } from "../../db";
import type { Platform } from "../../db/types";
import { nowIso } from "../ids";
import { hashApiKey } from "./api-key-token";

export interface ApiKeyPrincipal {
  id: string;
  name: string;
  platform: Platform;
  tenantId: string | null;
}

export type ApiKeyAuth = { ok: true; key: ApiKeyPrincipal } | { ok: false; message: string };

export async function authenticateApiKey(db: DB, authorization: string | null): Promise<ApiKeyAuth> {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "");
  if (!match?.[1]) return { ok: false, message: "Missing API key: send the header Authorization: Bearer <api key>." };
  const row = await db
    .selectFrom("api_keys")
    .select(["id", "name", "platform", "tenant_id", "revoked_at"])
    .where("key_hash", "=", hashApiKey(match[1]))
    .executeTakeFirst();
  if (!row || row.revoked_at !== null) return { ok: false, message: "Invalid or revoked API key." };
  await db.updateTable("api_keys").set({ last_used_at: nowIso() }).where("id", "=", row.id).execute();
  return { ok: true, key: { id: row.id, name: row.name, platform: row.platform, tenantId: row.tenant_id } };
}
