// Runs and errors that arrive with (or for) a connection: matched to what is stored, planned
// as inserts and updates, then written in bulk. Runs are keyed by (connection, job id);
// errors by (connection, errored_at, status_code), or by content when sent without a time.
import type { DB } from "../../db";
import type { ConnectionError, ConnectionRun, NewConnectionError, NewConnectionRun } from "../../db/types";
import type { MappedError, MappedRun } from "../adapters";
import type { TenantScope } from "../scope/tenant-scope";
import { newId } from "../ids";
import { errorUpdate, runChanged } from "./connection-fields";
import type { ErrorIndex } from "./error-index";

export interface ChildPlan {
  runInserts: NewConnectionRun[];
  runUpdates: { id: string; values: Partial<MappedRun> }[];
  errorInserts: NewConnectionError[];
  errorUpdates: { id: string; values: Partial<MappedError> }[];
}

export const emptyPlan = (): ChildPlan => ({ runInserts: [], runUpdates: [], errorInserts: [], errorUpdates: [] });

export interface Owner {
  connectionId: string;
  tenantId: string;
}

/** A connection's stored runs by job id; planning keeps it current, so duplicates in one batch match. */
export type RunIndex = Map<string, ConnectionRun>;

export const indexRuns = (runs: ConnectionRun[]): RunIndex => new Map(runs.map((run) => [run.job_id, run]));

/** Plans the runs; returns the run ids in input order and whether anything changes. */
export function planRuns(
  owner: Owner,
  incoming: MappedRun[],
  byJob: RunIndex,
  plan: ChildPlan,
): { ids: string[]; changed: boolean } {
  let changed = false;
  const ids = incoming.map((run) => {
    const stored = byJob.get(run.job_id);
    if (stored) {
      if (runChanged(run, stored)) {
        plan.runUpdates.push({ id: stored.id, values: run });
        byJob.set(run.job_id, { ...stored, ...run });
        changed = true;
      }
      return stored.id;
    }
    const row = { ...run, id: newId("run"), connection_id: owner.connectionId, tenant_id: owner.tenantId };
    plan.runInserts.push(row);
    byJob.set(run.job_id, row);
    changed = true;
    return row.id;
  });
  return { ids, changed };
}

/**
 * Plans one record's errors; `now` marks errors whose time the source left out, which are matched
 * by content instead. Dated errors claim their rows first, so an undated error never takes the row
 * of a dated one the same record names. Ids come back in input order.
 */
export function planErrors(
  owner: Owner,
  incoming: MappedError[],
  index: ErrorIndex,
  now: string,
  plan: ChildPlan,
): { ids: string[]; changed: boolean } {
  let changed = false;
  const claimed = new Set<string>();
  const ids: string[] = new Array<string>(incoming.length);
  const order = incoming.map((error, at) => ({ error, at, defaulted: error.errored_at === now }));
  for (const { error, at, defaulted } of [...order.filter((e) => !e.defaulted), ...order.filter((e) => e.defaulted)]) {
    const stored = index.match(error, defaulted, claimed);
    let id: string;
    if (stored) {
      const values = errorUpdate(defaulted ? { ...error, errored_at: stored.errored_at } : error, stored);
      if (values) {
        plan.errorUpdates.push({ id: stored.id, values });
        index.put({ ...stored, ...values });
        changed = true;
      }
      id = stored.id;
    } else {
      const row = {
        ...error,
        id: newId("err"),
        connection_id: owner.connectionId,
        tenant_id: owner.tenantId,
        resolved_by: null,
        resolution_note: null,
      };
      plan.errorInserts.push(row);
      index.put(row);
      changed = true;
      id = row.id;
    }
    claimed.add(id);
    ids[at] = id;
  }
  return { ids, changed };
}

const CHUNK = 500;

async function insertChunked<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

export async function writeChildren(trx: DB, plan: ChildPlan): Promise<void> {
  await insertChunked(plan.runInserts, (chunk) => trx.insertInto("connection_runs").values(chunk).execute());
  await insertChunked(plan.errorInserts, (chunk) => trx.insertInto("connection_errors").values(chunk).execute());
  for (const { id, values } of plan.runUpdates)
    await trx.updateTable("connection_runs").set(values).where("id", "=", id).execute();
  for (const { id, values } of plan.errorUpdates)
    await trx.updateTable("connection_errors").set(values).where("id", "=", id).execute();
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Loads the stored runs and errors of these connections, grouped by connection id. */
export async function loadChildren(scope: TenantScope, connectionIds: string[], withRuns: boolean) {
  const runs = new Map<string, ConnectionRun[]>();
  const errors = new Map<string, ConnectionError[]>();
  for (let i = 0; i < connectionIds.length; i += CHUNK) {
    const ids = connectionIds.slice(i, i + CHUNK);
    const errorRows = await scope.errors().selectAll().where("connection_id", "in", ids).execute();
    for (const row of errorRows) push(errors, row.connection_id, row);
    if (!withRuns) continue;
    const runRows = await scope.runs().selectAll().where("connection_id", "in", ids).execute();
    for (const row of runRows) push(runs, row.connection_id, row);
  }
  return { runs, errors };
}
