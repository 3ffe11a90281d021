// Bulk relink batches: one batch groups the links created together; its progress is counted
// from the links the user may see (a tenant admin sees only their tenant's part of a batch).
import { NotFoundError } from "../errors";
import { nowIso } from "../ids";
import type { BatchSummary } from "./relink.types";
import type { TenantScope } from "../scope/tenant-scope";

export async function listRelinkBatches(scope: TenantScope, batchId?: string): Promise<BatchSummary[]> {
  const now = nowIso();
  let qb = scope
    .links()
    .innerJoin("relink_batches", "relink_batches.id", "relink_links.batch_id")
    .leftJoin("users", "users.id", "relink_batches.created_by")
    .select((eb) => [
      "relink_batches.id",
      "relink_batches.created_at",
      "relink_batches.expires_at",
      eb.fn.coalesce(eb.fn.max("users.email"), eb.fn.max("relink_batches.created_by")).as("created_by"),
      eb.fn.countAll<number>().as("total"),
      eb.fn.count<number>("relink_links.opened_at").as("opened"),
      eb.fn.count<number>("relink_links.used_at").as("used"),
      eb.fn
        .sum<number | null>(
          eb
            .case()
            .when(eb.and([eb("relink_links.used_at", "is", null), eb("relink_links.revoked_at", "is not", null)]))
            .then(1)
            .else(0)
            .end(),
        )
        .as("revoked"),
      eb.fn
        .sum<number | null>(
          eb
            .case()
            .when(
              eb.and([
                eb("relink_links.used_at", "is", null),
                eb("relink_links.revoked_at", "is", null),
                eb("relink_links.expires_at", "<=", now),
              ]),
            )
            .then(1)
            .else(0)
            .end(),
        )
        .as("expired"),
    ])
    .groupBy(["relink_batches.id", "relink_batches.created_at", "relink_batches.expires_at"]);
  if (batchId) qb = qb.where("relink_batches.id", "=", batchId);
  const rows = await qb.orderBy("relink_batches.created_at", "desc").limit(100).execute();
  return rows.map((r) => ({
    id: r.id,
    created_at: r.created_at,
    expires_at: r.expires_at,
    created_by: String(r.created_by ?? ""),
    total: r.total,
    opened: r.opened,
    used: r.used,
    revoked: r.revoked ?? 0,
    expired: r.expired ?? 0,
  }));
}

export async function getRelinkBatch(scope: TenantScope, batchId: string): Promise<BatchSummary> {
  const [batch] = await listRelinkBatches(scope, batchId);
  if (!batch) throw new NotFoundError("Batch");
  return batch;
}
