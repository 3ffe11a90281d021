// Workiva Wdata `ConnectionRunDto` ⇄ a connection_runs row. Used for a connection's `lastRun`
// and for a run pushed on its own (GET /connections/{id}/status).
import { checkRecord } from "./adapter-kit";
import { camelToSnake, detectAltCasing } from "./casing";
import { readInstant } from "./date-fields";
import { FieldReader, isJsonObject, type JsonObject } from "./field-reader";
import { restoreDate, type ImportTrace } from "./import-trace";
import { childPath } from "./json-path";
import type { AdapterContext, AdapterIssue, MappedRun } from "./types";

export const RUN_KEYS = [
  "connectionId",
  "created",
  "createdBy",
  "destinationMetadata",
  "destinationParameters",
  "destinationStatus",
  "destinationWorkspaceId",
  "error",
  "jobId",
  "sourceMetadata",
  "sourceParameters",
  "sourceStatus",
  "sourceWorkspaceId",
  "updated",
  "workspaceId",
] as const;
/** Columns of their own; everything else a run carries stays in `extra`, verbatim. */
const COLUMN_KEYS = [
  "jobId",
  "created",
  "createdBy",
  "sourceParameters",
  "destinationParameters",
  "sourceStatus",
  "destinationStatus",
  "error",
  "updated",
];
export const RUN_STATUSES = ["not_started", "running", "complete", "error", "cancelled"];
const FINISHED = new Set(["complete", "error", "cancelled"]);

/** One status for the run from its source and destination halves; a failed half fails the run. */
export function runStatus(source: string | null, destination: string | null): string {
  const halves = [source, destination].filter((s): s is string => s !== null);
  if (halves.length === 0) return "unknown";
  for (const status of ["error", "cancelled", "running"]) if (halves.includes(status)) return status;
  if (halves.every((s) => s === "complete")) return "complete";
  return halves.includes("complete") ? "running" : "not_started";
}

function readStatus(r: FieldReader, key: string): string | null {
  const value = r.string(key);
  if (value !== null && !RUN_STATUSES.includes(value)) {
    r.issue(key, `"${value}" is not a run status (${RUN_STATUSES.join(", ")})`);
    return null;
  }
  return value;
}

/** Read a run object; `trace` collects date spellings under the run's own path. */
export function readDtoRun(r: FieldReader, trace: ImportTrace, fallbackJobId: string | null): MappedRun | null {
  const before = r.issues.length;
  const jobId = r.string("jobId") ?? fallbackJobId;
  if (jobId === null) r.issue("jobId", "required: a run needs its job id");
  const sourceStatus = readStatus(r, "sourceStatus");
  const destinationStatus = readStatus(r, "destinationStatus");
  const started = readInstant(r, "created", trace);
  const updated = readInstant(r, "updated", trace);
  const sourceParameters = r.object("sourceParameters");
  const destinationParameters = r.object("destinationParameters");
  const runBy = r.string("createdBy");
  const error = r.string("error");
  if (r.issues.length > before || jobId === null) return null;
  const status = runStatus(sourceStatus, destinationStatus);
  const columns = new Set(COLUMN_KEYS.map(r.nameOf));
  const extra = Object.fromEntries(Object.entries(r.obj).filter(([key]) => !columns.has(key)));
  // `updated` is the finish time of a finished run; of a running one it is only "last touched".
  if (!FINISHED.has(status) && updated !== null) extra[r.nameOf("updated")] = r.raw("updated");
  return {
    job_id: jobId,
    status,
    source_status: sourceStatus,
    destination_status: destinationStatus,
    started_at: started,
    finished_at: FINISHED.has(status) ? updated : null,
    run_by: runBy,
    source_parameters: sourceParameters === null ? null : JSON.stringify(sourceParameters),
    destination_parameters: destinationParameters === null ? null : JSON.stringify(destinationParameters),
    records_read: null,
    records_written: null,
    error_message: error,
    extra: Object.keys(extra).length > 0 ? JSON.stringify(extra) : null,
  };
}

function parseObject(text: string | null): JsonObject | null {
  if (text === null) return null;
  try {
    const value: unknown = JSON.parse(text);
    return isJsonObject(value) ? value : null;
  } catch {
    return null;
  }
}

export function exportDtoRun(
  run: MappedRun,
  trace: ImportTrace,
  path: string,
  nameOf: (k: string) => string,
): JsonObject {
  const at = (key: string) => childPath(path, nameOf(key));
  const out: JsonObject = {
    jobId: run.job_id,
    created: restoreDate(trace, at("created"), run.started_at),
    createdBy: run.run_by,
    sourceParameters: parseObject(run.source_parameters),
    destinationParameters: parseObject(run.destination_parameters),
    sourceStatus: run.source_status,
    destinationStatus: run.destination_status,
    error: run.error_message,
    updated: restoreDate(trace, at("updated"), run.finished_at),
  };
  const columns = Object.fromEntries(
    Object.entries(out)
      .filter(([, v]) => v !== null)
      .map(([k, v]) => [nameOf(k), v]),
  );
  return { ...(parseObject(run.extra) ?? {}), ...columns };
}

export type DtoRunResult =
  { ok: true; value: { connectionRef: string | null; run: MappedRun } } | { ok: false; issues: AdapterIssue[] };

/** A run pushed on its own; `connectionRef` is the Workiva connection id it names. */
export function mapDtoRun(raw: unknown, ctx: AdapterContext): DtoRunResult {
  const checked = checkRecord(raw, ctx);
  if (!checked.ok) return checked;
  const issues: AdapterIssue[] = [];
  const snake = detectAltCasing(checked.record, RUN_KEYS, camelToSnake, "$", issues);
  const r = new FieldReader(checked.record, "$", issues, snake ? camelToSnake : (k) => k);
  const connectionRef = r.string("connectionId");
  const run = readDtoRun(r, {}, null);
  if (issues.length > 0 || run === null) return { ok: false, issues };
  return { ok: true, value: { connectionRef, run } };
}
