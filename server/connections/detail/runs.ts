// A connection's run history, newest first, a page at a time.
import { newestRunsFirst } from "../../sql/run-order";
import type { ConnectionRun } from "../../../db/types";
import { parseJsonText } from "../../json-text";
import { redactSecrets } from "../../secrets/redact-secrets";
import type { ConnectionRunView, RunsPage, RunsRequest } from "./detail.types";
import { ZRunsRequestSchema } from "./detail.types";
import { pageFrom, requireVisibleConnection } from "./require-connection";
import type { TenantScope } from "../../scope/tenant-scope";

const SUCCESS = new Set(["complete", "completed", "success", "succeeded"]);
export const isSuccessfulRun = (status: string): boolean => SUCCESS.has(status.toLowerCase());

export const RUN_COLUMNS = [
  "id",
  "connection_id",
  "tenant_id",
  "job_id",
  "status",
  "source_status",
  "destination_status",
  "started_at",
  "finished_at",
  "run_by",
  "source_parameters",
  "destination_parameters",
  "records_read",
  "records_written",
  "error_message",
  "extra",
] as const;

function durationMs(started: string | null, finished: string | null): number | null {
  if (!started || !finished) return null;
  const ms = Date.parse(finished) - Date.parse(started);
  return Number.isFinite(ms) && ms >= 0 ? ms : null;
}

export function toRunView(row: ConnectionRun): ConnectionRunView {
  return {
    id: row.id,
    job_id: row.job_id,
    status: row.status,
    succeeded: isSuccessfulRun(row.status),
    source_status: row.source_status,
    destination_status: row.destination_status,
    started_at: row.started_at,
    finished_at: row.finished_at,
    duration_ms: durationMs(row.started_at, row.finished_at),
    run_by: row.run_by,
    source_parameters: redactSecrets(parseJsonText(row.source_parameters)),
    destination_parameters: redactSecrets(parseJsonText(row.destination_parameters)),
    records_read: row.records_read === null ? null : row.records_read,
    records_written: row.records_written === null ? null : row.records_written,
    error_message: row.error_message,
    extra: redactSecrets(parseJsonText(row.extra)),
  };
}

export async function listRuns(scope: TenantScope, request: RunsRequest): Promise<RunsPage> {
  const { connectionId, limit, offset } = ZRunsRequestSchema.parse(request);
  await requireVisibleConnection(scope, connectionId);
  const [rows, count] = await Promise.all([
    scope
      .runs()
      .select(RUN_COLUMNS)
      .where("connection_id", "=", connectionId)
      .orderBy(newestRunsFirst)
      .orderBy("started_at", "desc")
      .orderBy("id", "desc")
      .limit(limit + 1)
      .offset(offset)
      .execute(),
    scope
      .runs()
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("connection_id", "=", connectionId)
      .executeTakeFirstOrThrow(),
  ]);
  return pageFrom(rows.map(toRunView), limit, offset, count.n);
}
