// Creating a key: the one moment its secret exists outside the caller's hands. Stored as a
// hash, audited in the same transaction.
import type { DB } from "../../db";
import { actorOf, writeAudit } from "../audit/write-audit";
import type { SessionUser } from "../auth/session-user";
import { BadRequestError, NotFoundError } from "../errors";
import { newId, nowIso } from "../ids";
import { generateApiKey } from "./api-key-token";
import type { ApiKeyRow, CreateApiKeyInput } from "./api-keys.types";
import { listApiKeys } from "./list-api-keys";

export async function createApiKey(
  db: DB,
  user: SessionUser,
  input: CreateApiKeyInput,
): Promise<{ key: string; apiKey: ApiKeyRow }> {
  const { key, prefix, hash } = generateApiKey();
  const id = newId("key");
  await db.transaction().execute(async (trx) => {
    if (input.tenantId !== null) {
      const tenant = await trx.selectFrom("tenants").select("id").where("id", "=", input.tenantId).executeTakeFirst();
      if (!tenant) throw new BadRequestError("Unknown tenant.");
    }
    await trx
      .insertInto("api_keys")
      .values({
        id,
        name: input.name,
        prefix,
        key_hash: hash,
        platform: input.platform,
        tenant_id: input.tenantId,
        created_by: user.id,
        created_at: nowIso(),
        revoked_at: null,
        last_used_at: null,
      })
      .execute();
    await writeAudit(trx, {
      actor: actorOf(user),
      action: "api_key.create",
      tenantId: input.tenantId,
      after: { id, name: input.name, prefix, platform: input.platform, tenantId: input.tenantId },
    });
  });
  const [apiKey] = await listApiKeys(db, { id });
  if (!apiKey) throw new NotFoundError("API key");
  return { key, apiKey };
}
