// A stored run request as it may leave the server: parameters parsed and redacted.
import type { Selectable } from "kysely";
import type { RunRequestsTable } from "../../db/types";
import { parseJsonText } from "../json-text";
import { redactSecrets } from "../secrets/redact-secrets";
import type { RunRequestView } from "./run-requests.types";

export const RUN_REQUEST_COLUMNS = [
  "run_requests.id",
  "run_requests.connection_id",
  "run_requests.tenant_id",
  "run_requests.job_id",
  "run_requests.status",
  "run_requests.source_parameters",
  "run_requests.destination_parameters",
  "run_requests.note",
  "run_requests.requested_by_label",
  "run_requests.requested_at",
  "run_requests.fulfilled_at",
  "run_requests.fulfilled_run_id",
] as const;

type Row = Omit<Selectable<RunRequestsTable>, "requested_by">;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** A stored parameters document as an object; anything else (null, corrupt text) as none. */
export function parameterObject(text: string | null): Record<string, unknown> {
  const value = parseJsonText(text);
  return isObject(value) ? value : {};
}

export function toRunRequestView(row: Row): RunRequestView {
  return {
    id: row.id,
    connection_id: row.connection_id,
    tenant_id: row.tenant_id,
    job_id: row.job_id,
    status: row.status,
    source_parameters: redactParameters(parameterObject(row.source_parameters)),
    destination_parameters: redactParameters(parameterObject(row.destination_parameters)),
    note: row.note,
    requested_by: row.requested_by_label,
    requested_at: row.requested_at,
    fulfilled_at: row.fulfilled_at,
    fulfilled_run_id: row.fulfilled_run_id,
  };
}

export function redactParameters(value: Record<string, unknown>): Record<string, unknown> {
  const redacted = redactSecrets(value);
  return isObject(redacted) ? redacted : {};
}
