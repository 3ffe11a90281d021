// Add or remove tags on many connections, one batch per call (the ticked ids, or every row the
// list filter matches), walked in id order with the last id as cursor like bulk pause.
import { applyConnectionFilters } from "../connections/list/filters";
import type { TenantScope } from "../scope/tenant-scope";
import { tagsFor, writeTags } from "./connection-tags";
import { tagKey, type BulkTagRequest, type BulkTagResponse } from "./tags.types";

export async function bulkTag(
  scope: TenantScope,
  input: BulkTagRequest,
  now: number = Date.now(),
): Promise<BulkTagResponse> {
  const cursor = input.cursor ?? null;
  const size = input.batchSize;
  return scope.transaction(async (scope) => {
    let total: number | null = null;
    let q = scope.connections().select(["connections.id", "connections.tenant_id"]);
    if (input.target.kind === "ids") {
      const ids = [...new Set(input.target.ids)];
      if (cursor === null) total = ids.length;
      q = q.where("connections.id", "in", ids);
    } else {
      const filters = input.target.filters;
      if (cursor === null) {
        const c = await applyConnectionFilters(scope.connections(), filters, scope, now)
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirstOrThrow();
        total = Number(c.n);
      }
      q = applyConnectionFilters(q, filters, scope, now);
    }
    if (cursor !== null) q = q.where("connections.id", ">", cursor);
    const fetched = await q
      .orderBy("connections.id")
      .limit(size + 1)
      .execute();
    const rows = fetched.slice(0, size);
    const current = await tagsFor(
      scope,
      rows.map((r) => r.id),
    );
    const keys = new Set(input.tags.map(tagKey));
    let changed = 0;
    for (const row of rows) {
      const before = current.get(row.id) ?? [];
      const next = input.action === "add" ? [...before, ...input.tags] : before.filter((t) => !keys.has(tagKey(t)));
      if (await writeTags(scope, row, before, next)) changed++;
    }
    const nextCursor = fetched.length > size ? (rows.at(-1)?.id ?? null) : null;
    return { total, processed: rows.length, changed, nextCursor, done: nextCursor === null };
  });
}
