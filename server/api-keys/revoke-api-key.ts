// Revoking is immediate and final: the next request with the key gets 401.
import type { DB } from "../../db";
import { actorOf, writeAudit } from "../audit/write-audit";
import type { SessionUser } from "../auth/session-user";
import { ConflictError, NotFoundError } from "../errors";
import { nowIso } from "../ids";
import type { ApiKeyRow } from "./api-keys.types";
import { listApiKeys } from "./list-api-keys";

export async function revokeApiKey(db: DB, user: SessionUser, id: string): Promise<ApiKeyRow> {
  await db.transaction().execute(async (trx) => {
    const key = await trx
      .selectFrom("api_keys")
      .select(["id", "prefix", "tenant_id", "revoked_at"])
      .where("id", "=", id)
      .executeTakeFirst();
    if (!key) throw new NotFoundError("API key");
    if (key.revoked_at !== null) throw new ConflictError("This API key is already revoked.");
    const at = nowIso();
    await trx.updateTable("api_keys").set({ revoked_at: at }).where("id", "=", id).execute();
    await writeAudit(trx, {
      actor: actorOf(user),
      action: "api_key.revoke",
      tenantId: key.tenant_id,
      before: { id, prefix: key.prefix },
      after: { revokedAt: at },
    });
  });
  const [row] = await listApiKeys(db, { id });
  if (!row) throw new NotFoundError("API key");
  return row;
}
