// Asking the platform for a re-run (Workiva's model): the last run's source and destination
// parameters, with the caller's keys laid over them. Recorded as a pending request, audited as
// connection.run_requested (which is also its outbox event), in one transaction.
import { writeAudit } from "../audit/write-audit";
import { ConflictError, NotFoundError } from "../errors";
import { newId, nowIso } from "../ids";
import type { TenantScope } from "../scope/tenant-scope";
import { parameterObject, redactParameters, RUN_REQUEST_COLUMNS, toRunRequestView } from "./run-request-view";
import type { RequestRunInput, RunRequestView } from "./run-requests.types";

/** The override's keys replace the base's; a key set to null is removed. */
export function overlayParameters(
  base: Record<string, unknown>,
  override: Record<string, unknown> | undefined,
): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(override ?? {})) {
    if (value === null) delete merged[key];
    else merged[key] = value;
  }
  return merged;
}

export async function requestRun(
  scope: TenantScope,
  connectionId: string,
  input: RequestRunInput,
): Promise<RunRequestView> {
  return scope.transaction(async (scope) => {
    const connection = await scope
      .connections()
      .select([
        "connections.id",
        "connections.tenant_id",
        "connections.last_run_job_id",
        "connections.last_run_source_parameters",
        "connections.last_run_destination_parameters",
      ])
      .where("connections.id", "=", connectionId)
      .executeTakeFirst();
    if (!connection) throw new NotFoundError();
    const jobId = input.jobId ?? newId("job");
    const taken = await scope
      .runRequests()
      .select("run_requests.id")
      .where("run_requests.connection_id", "=", connection.id)
      .where("run_requests.job_id", "=", jobId)
      .executeTakeFirst();
    const ran = await scope
      .runs()
      .select("connection_runs.id")
      .where("connection_runs.connection_id", "=", connection.id)
      .where("connection_runs.job_id", "=", jobId)
      .executeTakeFirst();
    if (taken || ran) throw new ConflictError(`This connection already has a run or run request with job id ${jobId}.`);

    const source = overlayParameters(parameterObject(connection.last_run_source_parameters), input.sourceParameters);
    const destination = overlayParameters(
      parameterObject(connection.last_run_destination_parameters),
      input.destinationParameters,
    );
    const id = newId("rr");
    const at = nowIso();
    const row = {
      id,
      connection_id: connection.id,
      tenant_id: connection.tenant_id,
      job_id: jobId,
      source_parameters: JSON.stringify(source),
      destination_parameters: JSON.stringify(destination),
      note: input.note || null,
      requested_by: scope.actor.id,
      requested_by_label: scope.actor.label,
      requested_at: at,
      status: "pending" as const,
      fulfilled_at: null,
      fulfilled_run_id: null,
    };
    await scope.insertInto("run_requests").values(row).execute();
    await writeAudit(scope, {
      actor: scope.actor,
      action: "connection.run_requested",
      tenantId: connection.tenant_id,
      connectionId: connection.id,
      after: {
        run_request: {
          id,
          job_id: jobId,
          based_on_job_id: connection.last_run_job_id,
          source_parameters: redactParameters(source),
          destination_parameters: redactParameters(destination),
        },
      },
      note: row.note,
      at,
    });
    const stored = await scope
      .runRequests()
      .select(RUN_REQUEST_COLUMNS)
      .where("run_requests.id", "=", id)
      .executeTakeFirst();
    if (!stored) throw new NotFoundError("Run request");
    return toRunRequestView(stored);
  });
}
