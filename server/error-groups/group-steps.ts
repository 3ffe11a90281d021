// One-step actions on an error group, run as a series of short steps (each its own transaction,
// like the table's bulk actions) so the browser shows progress and a long run never holds locks:
// resolve every active error of the group (resolveErrors: audit event per connection), and
// create relink links for its connections that need one (bulkCreateRelinkLinks). Pausing them
// all is the table's bulk pause with the filter { errorGroup }.
import { resolveErrors } from "../actions/resolve-errors";
import { bulkCreateRelinkLinks } from "../relink/bulk-relink";
import type { TenantScope } from "../scope/tenant-scope";
import type { GroupStepResponse } from "./error-groups.types";

async function activeErrorIds(scope: TenantScope, groupId: string, limit: number): Promise<string[]> {
  const rows = await scope
    .errors()
    .innerJoin("ops_error_members as m", "m.error_id", "connection_errors.id")
    .select("connection_errors.id")
    .where("m.group_id", "=", groupId)
    .where("connection_errors.status", "=", "active")
    .orderBy("connection_errors.id")
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

async function activeErrorCount(scope: TenantScope, groupId: string): Promise<number> {
  const row = await scope
    .opsErrorGroupTenants()
    .select((eb) => eb.fn.sum<number>("active_n").as("n"))
    .where("group_id", "=", groupId)
    .executeTakeFirst();
  return Math.max(0, Number(row?.n ?? 0));
}

/** Resolves up to batchSize of the group's active errors in the scope. */
export async function resolveGroupStep(
  scope: TenantScope,
  input: { id: string; note: string; batchSize: number },
): Promise<GroupStepResponse> {
  const ids = await activeErrorIds(scope, input.id, input.batchSize);
  const result = ids.length ? await resolveErrors(scope, { errorIds: ids, note: input.note }) : { resolved: 0 };
  const remaining = await activeErrorCount(scope, input.id);
  return {
    changed: result.resolved,
    processed: ids.length,
    remaining,
    done: ids.length < input.batchSize || remaining === 0,
    skipped: [],
    batchId: null,
  };
}

/** Connections of the group (with an active error in it) that need relink, after `after`, in id order. */
async function relinkCandidates(scope: TenantScope, groupId: string, after: string | null, limit: number) {
  let q = scope
    .connections()
    .select("connections.id")
    .where("connections.needs_relink", "=", 1)
    .where("connections.id", "in", (eb) =>
      eb
        .selectFrom("ops_error_group_connections")
        .select("ops_error_group_connections.connection_id")
        .where("ops_error_group_connections.group_id", "=", groupId)
        .where("ops_error_group_connections.active_n", ">", 0),
    )
    .orderBy("connections.id")
    .limit(limit);
  if (after) q = q.where("connections.id", ">", after);
  return (await q.execute()).map((r) => r.id);
}

/** Creates relink links (one batch) for the next batchSize connections of the group that need one. */
export async function relinkGroupStep(
  scope: TenantScope,
  input: { id: string; after?: string | null; recipientEmail?: string | null; batchSize: number },
  origin: string,
): Promise<GroupStepResponse & { last: string | null }> {
  const ids = await relinkCandidates(scope, input.id, input.after ?? null, input.batchSize);
  if (ids.length === 0)
    return { changed: 0, processed: 0, remaining: 0, done: true, skipped: [], batchId: null, last: null };
  const result = await bulkCreateRelinkLinks(
    scope,
    { connectionIds: ids, recipientEmail: input.recipientEmail ?? null, revokeOpen: true },
    origin,
  );
  const last = ids.at(-1) ?? null;
  const rest = await relinkCandidates(scope, input.id, last, 1);
  return {
    changed: result.links.length,
    processed: ids.length,
    remaining: rest.length,
    done: rest.length === 0,
    skipped: result.skipped,
    batchId: result.batchId,
    last,
  };
}
