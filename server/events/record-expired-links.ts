// relink_link.expired has no change of its own to ride on: a link expires by the clock. The
// outbox worker's sweep marks each unused link past its expiry (expiry_recorded_at) and writes
// its event in the same transaction; the guarded UPDATE makes it once per link, whichever
// instance sweeps.
import type { DB } from "../../db";
import { nowIso } from "../ids";
import { TenantScope } from "../scope/tenant-scope";
import { writeEvents } from "./write-events";

export async function recordExpiredLinks(db: DB, now: string = nowIso(), limit = 500): Promise<number> {
  return TenantScope.unscopedForOutbox(db).transaction(async (scope) => {
    const due = await scope
      .links()
      .select(["id", "tenant_id", "connection_id", "expires_at"])
      .where("expiry_recorded_at", "is", null)
      .where("used_at", "is", null)
      .where("revoked_at", "is", null)
      .where("expires_at", "<=", now)
      .orderBy("expires_at")
      .limit(limit)
      .execute();
    const recorded: typeof due = [];
    for (const link of due) {
      const result = await scope
        .updateLinks()
        .set({ expiry_recorded_at: now })
        .where("id", "=", link.id)
        .where("expiry_recorded_at", "is", null)
        .where("used_at", "is", null)
        .where("revoked_at", "is", null)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 1) recorded.push(link);
    }
    await writeEvents(
      scope,
      recorded.map((link) => ({
        type: "relink_link.expired" as const,
        tenantId: link.tenant_id,
        connectionId: link.connection_id,
        occurredAt: link.expires_at,
        data: { link: { id: link.id, expires_at: link.expires_at } },
      })),
    );
    return recorded.length;
  });
}
