// Runs and errors that arrive with (or for) a connection: matched to what is stored, planned
// as inserts and updates, then written in bulk. Runs are keyed by (connection, job id);
// errors by (connection, errored_at, status_code) — see errorKey.
import type { DB } from "../../db";
import type { ConnectionError, ConnectionRun, NewConnectionError, NewConnectionRun } from "../../db/types";
import type { MappedError, MappedRun } from "../adapters";
import type { TenantScope } from "../scope/tenant-scope";
import { newId } from "../ids";
import { errorContentKey, errorKey, errorUpdate, runChanged } from "./connection-fields";

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

export type ErrorState = Pick<ConnectionError, "id" | "status" | "is_auth_error">;

/** A connection's stored errors, by identity key and by content; kept current while planning. */
export class ErrorIndex {
  private readonly byKey = new Map<string, ConnectionError>();
  private readonly byContent = new Map<string, ConnectionError>();
  private readonly state = new Map<string, ErrorState>();

  constructor(errors: ConnectionError[]) {
    for (const error of errors) this.put(error);
  }

  put(error: ConnectionError): void {
    this.byKey.set(errorKey(error), error);
    this.byContent.set(errorContentKey(error), error);
    this.state.set(error.id, error);
  }

  /** `defaulted`: the source gave no time, so the key cannot match; fall back to code and text. */
  match(error: MappedError, defaulted: boolean): ConnectionError | undefined {
    return this.byKey.get(errorKey(error)) ?? (defaulted ? this.byContent.get(errorContentKey(error)) : undefined);
  }

  after(): ErrorState[] {
    return [...this.state.values()];
  }
}

/**
 * Plans the errors; `now` marks errors whose time the source left out, which are matched by
 * code and text instead.
 */
export function planErrors(
  owner: Owner,
  incoming: MappedError[],
  index: ErrorIndex,
  now: string,
  plan: ChildPlan,
): { ids: string[]; changed: boolean } {
  let changed = false;
  const ids = incoming.map((error) => {
    const defaulted = error.errored_at === now;
    const stored = index.match(error, defaulted);
    if (stored) {
      const values = errorUpdate(defaulted ? { ...error, errored_at: stored.errored_at } : error, stored);
      if (values) {
        plan.errorUpdates.push({ id: stored.id, values });
        index.put({ ...stored, ...values });
        changed = true;
      }
      return stored.id;
    }
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
    return row.id;
  });
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
