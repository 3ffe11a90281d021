// Who is calling the ingest or REST API: the `Authorization: Bearer <key>` header against the
// stored hashes. Revoked and unknown keys look the same to the caller. The key's scopes are read
// on every request, so a change to them applies at once.
import type { DB } from "../../db";
import type { Platform } from "../../db/types";
import { nowIso } from "../ids";
import { parseScopes, type ApiKeyScope } from "./api-key-scopes";
import { hashApiKey } from "./api-key-token";

export interface ApiKeyPrincipal {
  id: string;
  name: string;
  platform: Platform;
  tenantId: string | null;
  scopes: ApiKeyScope[];
}

export type ApiKeyAuth = { ok: true; key: ApiKeyPrincipal } | { ok: false; message: string };

const MISSING = "Missing API key: send the header Authorization: Bearer <api key>.";
const MALFORMED = "Malformed Authorization header: expected `Bearer <key>`.";

/** The key in `Authorization: Bearer <key>`; an absent header and a malformed one are told apart. */
export function bearerKey(authorization: string | null): { ok: true; key: string } | { ok: false; message: string } {
  const value = authorization?.trim() ?? "";
  if (value === "" || /^Bearer$/i.test(value)) return { ok: false, message: MISSING };
  const match = /^Bearer[ \t]+(\S+)$/i.exec(value);
  return match?.[1] ? { ok: true, key: match[1] } : { ok: false, message: MALFORMED };
}

export async function authenticateApiKey(db: DB, authorization: string | null): Promise<ApiKeyAuth> {
  const bearer = bearerKey(authorization);
  if (!bearer.ok) return bearer;
  const row = await db
    .selectFrom("api_keys")
    .select(["id", "name", "platform", "tenant_id", "revoked_at", "scopes"])
    .where("key_hash", "=", hashApiKey(bearer.key))
    .executeTakeFirst();
  if (!row || row.revoked_at !== null) return { ok: false, message: "Invalid or revoked API key." };
  await db.updateTable("api_keys").set({ last_used_at: nowIso() }).where("id", "=", row.id).execute();
  return {
    ok: true,
    key: {
      id: row.id,
      name: row.name,
      platform: row.platform,
      tenantId: row.tenant_id,
      scopes: parseScopes(row.scopes),
    },
  };
}

/** Why this key may not do what needs `scope`, as a sentence for a 403; null when it may. */
export function missingScope(key: ApiKeyPrincipal, scope: ApiKeyScope): string | null {
  if (key.scopes.includes(scope)) return null;
  const has = key.scopes.length === 0 ? "none" : key.scopes.join(", ");
  return `This API key lacks the scope ${scope} (it has: ${has}). Support can add it under API keys.`;
}
