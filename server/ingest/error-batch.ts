// One batch of errors (POST /api/ingest/errors): Codat DataConnectionErrors naming their
// connection. Upserted by (connection, erroredOnUtc, statusCode); afterwards each touched
// connection's open_error_count and needs_relink are recomputed from its errors.
import { sql } from "kysely";
import { dbKind, type DB } from "../../db";
import { prefixIssues, type AdapterIssue, type MappedError } from "../adapters";
import { recomputeConnectionHealth } from "../connections/recompute-health";
import { newErrorEvents } from "../events/ingest-events";
import { writeEvents } from "../events/write-events";
import { emptyPlan, loadChildren, planErrors, writeChildren } from "./child-rows";
import { ErrorIndex } from "./error-index";
import { deferDerived, resumeDerived } from "./derived-batch";
import { errorGroupsAfter, errorGroupsBefore } from "./error-groups-batch";
import type { Outcome } from "./connection-batch";
import { loadOwners } from "./load-owners";
import { errorConnectionRef, mapErrorRecord } from "./map-error-record";
import { quoteRef, type BatchContext, type SourceRecord } from "./types";

type Prepared =
  { source: SourceRecord; issues: AdapterIssue[] } | { source: SourceRecord; ref: string; error: MappedError };

export async function ingestErrorBatch(trx: DB, records: SourceRecord[], ctx: BatchContext): Promise<Outcome[]> {
  const refs = records.flatMap((r) => {
    const ref = r.problem === undefined ? errorConnectionRef(r.record) : null;
    return ref === null ? [] : [ref];
  });
  const owners = await loadOwners(ctx, refs);
  const stored = await loadChildren(
    ctx.scope,
    [...owners.values()].map((o) => o.id),
    false,
  );
  const prepared = records.map((source): Prepared => {
    if (source.problem !== undefined) return { source, issues: [{ path: source.path, reason: source.problem }] };
    const owner = owners.get(errorConnectionRef(source.record) ?? "");
    // Codat's local times are read in the owning tenant's zone.
    const zone = (owner && ctx.tenants.find(owner.tenant_id)?.time_zone) || "UTC";
    const result = mapErrorRecord(source.record, zone, ctx.now);
    if (!result.ok) return { source, issues: prefixIssues(source.path, result.issues) };
    return { source, ref: result.connectionRef, error: result.error };
  });
  const indexes = new Map<string, ErrorIndex>();
  const touched = new Set<string>();
  const plan = emptyPlan();
  const outcomes = prepared.map((p): Outcome => {
    if ("issues" in p) return { result: { index: p.source.index, status: "rejected", issues: p.issues } };
    const owner = owners.get(p.ref);
    if (!owner) {
      const reason = `no ${ctx.platform} connection ${quoteRef(p.ref)} here: import the connection first`;
      return {
        result: {
          index: p.source.index,
          status: "rejected",
          issues: [{ path: `${p.source.path}.connectionId`, reason }],
        },
      };
    }
    const index = indexes.get(owner.id) ?? new ErrorIndex(stored.errors.get(owner.id) ?? []);
    indexes.set(owner.id, index);
    const existed = index.match(p.error, false) !== undefined;
    const { ids, changed } = planErrors(
      { connectionId: owner.id, tenantId: owner.tenant_id },
      [p.error],
      index,
      ctx.now,
      plan,
    );
    if (changed) touched.add(owner.id);
    const status = !changed ? "unchanged" : existed ? "updated" : "accepted";
    return { result: { index: p.source.index, status, id: ids[0] }, tenantId: owner.tenant_id };
  });
  // The errors' summaries per batch, with their triggers off (error-groups-batch.ts); on again
  // before the connections' health changes, which the connections' triggers count.
  if (touched.size > 0) {
    if (dbKind(trx) === "postgres")
      await sql`SELECT 1 FROM connections WHERE id = ANY(${[...touched]}::text[]) ORDER BY id FOR UPDATE`.execute(trx);
    await deferDerived(trx);
    const before = await errorGroupsBefore(
      trx,
      plan.errorUpdates.map((u) => u.id),
    );
    await writeChildren(trx, plan);
    await errorGroupsAfter(
      trx,
      before,
      plan.errorInserts.map((e) => e.id),
    );
    await resumeDerived(trx);
  }
  for (const id of touched) await recomputeConnectionHealth(ctx.scope, id);
  await writeEvents(ctx.scope, newErrorEvents(plan, ctx.now));
  return outcomes;
}
