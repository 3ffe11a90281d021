// The other end of a run request: when ingest stores a run whose job id a pending request named,
// the request is fulfilled, in the ingest batch's transaction. Pending requests are few, so a
// batch costs one look-up per 500 connections and an update only for a match.
import type { TenantScope } from "../scope/tenant-scope";

export interface StoredRun {
  id: string;
  connection_id: string;
  job_id: string;
}

const CHUNK = 500;

export async function fulfilRunRequests(scope: TenantScope, runs: readonly StoredRun[], at: string): Promise<number> {
  const byKey = new Map(runs.map((run) => [`${run.connection_id}\u0000${run.job_id}`, run]));
  const connectionIds = [...new Set(runs.map((run) => run.connection_id))];
  let fulfilled = 0;
  for (let i = 0; i < connectionIds.length; i += CHUNK) {
    const pending = await scope
      .runRequests()
      .select(["run_requests.id", "run_requests.connection_id", "run_requests.job_id"])
      .where("run_requests.status", "=", "pending")
      .where("run_requests.connection_id", "in", connectionIds.slice(i, i + CHUNK))
      .execute();
    for (const request of pending) {
      const run = byKey.get(`${request.connection_id}\u0000${request.job_id}`);
      if (!run) continue;
      const result = await scope
        .updateRunRequests()
        .set({ status: "fulfilled", fulfilled_at: at, fulfilled_run_id: run.id })
        .where("run_requests.id", "=", request.id)
        .where("run_requests.status", "=", "pending")
        .executeTakeFirst();
      fulfilled += Number(result.numUpdatedRows);
    }
  }
  return fulfilled;
}
