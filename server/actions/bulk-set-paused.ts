// Bulk pause/resume, one batch per call: ticked ids or every row matching the list filter,
// always through the tenant scope. Rows are walked in id order with the last id as cursor,
// so rows that change (or stop matching) between steps are never visited twice.
import { applyConnectionFilters } from "../connections/list/filters";
import { newId } from "../ids";
import type { BulkSetPausedQuery, BulkSetPausedResponse } from "./bulk-pause.types";
import { PAUSE_STATE_COLUMNS, toPauseState, writePauseChange } from "./pause-state";
import type { TenantScope } from "../scope/tenant-scope";

/** Re-reads of one row that keeps changing under a bulk run before it counts as skipped. */
const MAX_ATTEMPTS = 5;

export async function bulkSetPaused(
  scope: TenantScope,
  input: BulkSetPausedQuery,
  now: number = Date.now(),
): Promise<BulkSetPausedResponse> {
  const paused = input.action === "pause";
  const reason = input.reason && input.reason.length > 0 ? input.reason : null;
  const jobId = input.jobId ?? newId("bulk");
  const cursor = input.cursor ?? null;
  const target = input.target;
  const size = input.batchSize;

  return scope.transaction(async (scope) => {
    const scoped = () => scope.connections();
    let rows;
    let asked: number;
    let nextCursor: string | null;
    let total: number | null = null;

    if (target.kind === "ids") {
      const ids = [...new Set(target.ids)].sort();
      if (cursor === null) total = ids.length;
      const remaining = cursor === null ? ids : ids.filter((id) => id > cursor);
      const batch = remaining.slice(0, size);
      asked = batch.length;
      nextCursor = remaining.length > size ? (batch.at(-1) ?? null) : null;
      rows = batch.length
        ? await scoped().select(PAUSE_STATE_COLUMNS).where("connections.id", "in", batch).execute()
        : [];
    } else {
      const matching = () => applyConnectionFilters(scoped(), target.filters, scope, now);
      if (cursor === null) {
        const c = await matching()
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirstOrThrow();
        total = c.n;
      }
      let q = matching().select(PAUSE_STATE_COLUMNS);
      if (cursor !== null) q = q.where("connections.id", ">", cursor);
      const fetched = await q
        .orderBy("connections.id")
        .limit(size + 1)
        .execute();
      rows = fetched.slice(0, size);
      asked = rows.length;
      nextCursor = fetched.length > size ? (rows.at(-1)?.id ?? null) : null;
    }

    let changed = 0;
    for (const raw of rows) {
      let before = toPauseState(raw);
      // The write is a compare-and-set on the version read. When another writer got in between,
      // read the row again (PostgreSQL: the newest committed version) and decide afresh; a row
      // already in the asked state is a skip.
      for (let attempt = 0; attempt < MAX_ATTEMPTS && before.user_paused !== paused; attempt++) {
        if (await writePauseChange(scope, before, { paused, reason, bulkJob: jobId })) {
          changed++;
          break;
        }
        const fresh = await scoped()
          .select(PAUSE_STATE_COLUMNS)
          .where("connections.id", "=", before.id)
          .executeTakeFirst();
        if (!fresh) break;
        before = toPauseState(fresh);
      }
    }
    return {
      jobId,
      total,
      processed: asked,
      changed,
      skipped: rows.length - changed,
      notFound: asked - rows.length,
      nextCursor,
      done: nextCursor === null,
    };
  });
}
