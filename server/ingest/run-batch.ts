// One batch of runs (POST /api/ingest/runs): Workiva's ConnectionRunDto, whose `connectionId`
// names the connection on the format's platform. Runs upsert by (connection, job id); a run
// at least as recent as the row's last-run summary refreshes that summary.
import type { DB } from "../../db";
import { mapDtoRun, prefixIssues, type MappedRun } from "../adapters";
import { nowIso } from "../ids";
import { emptyPlan, indexRuns, loadChildren, planRuns, writeChildren, type RunIndex } from "./child-rows";
import type { Outcome } from "./connection-batch";
import { fulfilRunRequests } from "../run-requests/fulfil-run-requests";
import { loadOwners, type OwnerRow } from "./load-owners";
import { quoteRef, type BatchContext, type SourceRecord } from "./types";

function isLatest(run: MappedRun, owner: OwnerRow): boolean {
  const at = run.finished_at ?? run.started_at;
  if (owner.last_run_job_id === run.job_id || owner.last_run_at === null) return true;
  return at !== null && at >= owner.last_run_at;
}

async function refreshSummary(ctx: BatchContext, owner: OwnerRow, run: MappedRun): Promise<void> {
  const summary = {
    last_run_job_id: run.job_id,
    last_run_status: run.status,
    last_run_at: run.finished_at ?? run.started_at,
    last_run_by: run.run_by,
    last_run_source_parameters: run.source_parameters,
    last_run_destination_parameters: run.destination_parameters,
    last_run_error: run.error_message,
  };
  await ctx.scope
    .updateConnection(owner.id)
    .set((eb) => ({ ...summary, updated_at: nowIso(), version: eb("version", "+", 1) }))
    .execute();
  Object.assign(owner, summary);
}

export async function ingestRunBatch(trx: DB, records: SourceRecord[], ctx: BatchContext): Promise<Outcome[]> {
  const mapped = records.map((source) => {
    if (source.problem !== undefined) return { source, issues: [{ path: source.path, reason: source.problem }] };
    const result = mapDtoRun(source.record, { tenantTimeZone: "UTC", now: ctx.now });
    if (!result.ok) return { source, issues: prefixIssues(source.path, result.issues) };
    if (result.value.connectionRef === null) {
      return {
        source,
        issues: [
          { path: `${source.path}.connectionId`, reason: "required: the id of the connection this run belongs to" },
        ],
      };
    }
    return { source, ref: result.value.connectionRef, run: result.value.run };
  });
  const owners = await loadOwners(
    ctx,
    mapped.flatMap((m) => (m.ref === undefined ? [] : [m.ref])),
  );
  const stored = await loadChildren(
    ctx.scope,
    [...owners.values()].map((o) => o.id),
    true,
  );
  const indexes = new Map<string, RunIndex>();
  const plan = emptyPlan();
  const latest = new Map<string, { owner: OwnerRow; run: MappedRun }>();
  const outcomes = mapped.map((m): Outcome => {
    if (m.ref === undefined || m.run === undefined)
      return { result: { index: m.source.index, status: "rejected", issues: m.issues } };
    const owner = owners.get(m.ref);
    if (!owner) {
      const reason = `no ${ctx.platform} connection ${quoteRef(m.ref)} here: import the connection first`;
      return {
        result: {
          index: m.source.index,
          status: "rejected",
          issues: [{ path: `${m.source.path}.connectionId`, reason }],
        },
      };
    }
    const index = indexes.get(owner.id) ?? indexRuns(stored.runs.get(owner.id) ?? []);
    indexes.set(owner.id, index);
    const existed = index.has(m.run.job_id);
    const { ids, changed } = planRuns({ connectionId: owner.id, tenantId: owner.tenant_id }, [m.run], index, plan);
    if (changed && isLatest(m.run, owner)) latest.set(owner.id, { owner, run: m.run });
    const status = !changed ? "unchanged" : existed ? "updated" : "accepted";
    return { result: { index: m.source.index, status, id: ids[0] }, tenantId: owner.tenant_id };
  });
  await writeChildren(trx, plan);
  // A run the platform was asked for (POST /api/v1/connections/{id}/runs) has now arrived.
  await fulfilRunRequests(ctx.scope, plan.runInserts, ctx.now);
  for (const { owner, run } of latest.values()) await refreshSummary(ctx, owner, run);
  return outcomes;
}
