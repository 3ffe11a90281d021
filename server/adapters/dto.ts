// Workiva Wdata `ConnectionDto` (seed 002) ⇄ the console's connection: a data flow from a source
// to a destination with no credentials. `lastRun` becomes a run row and the `last_run_*` summary;
// a failed last run makes the connection `error` and opens an error row. Reads the API's
// camelCase and the Python client's snake_case, exports in whichever came in.
import { blankConnection, checkRecord, finishMapping, jsonText, parseJsonText, unknownFields } from "./adapter-kit";
import { camelToSnake, detectAltCasing } from "./casing";
import { readInstant } from "./date-fields";
import { exportDtoRun, readDtoRun } from "./dto-run";
import { FieldReader, type JsonObject } from "./field-reader";
import { applyRestore, orFilled, parseTrace, restoreDate, unlessFilled, type ImportTrace } from "./import-trace";
import { childPath } from "./json-path";
import { isAuthError, mapWorkivaStatus } from "./status";
import type { AdapterContext, AdapterIssue, AdapterResult, MappedConnection, MappedError, MappedRun } from "./types";

const KEYS = [
  "connectionId",
  "created",
  "createdBy",
  "description",
  "destinationId",
  "destinationType",
  "destinationWorkspaceId",
  "lastRun",
  "lastRunBy",
  "lastRunDate",
  "lastRunDestinationParameters",
  "lastRunJobId",
  "lastRunSourceParameters",
  "metadata",
  "name",
  "sourceId",
  "sourceType",
  "sourceWorkspaceId",
  "updated",
  "workspaceId",
] as const;
const REFRESH_REQUEST_KEYS = ["usePreviousSourceParameters", "usePreviousDestinationParameters"];
export const WORKIVA_PROVIDER = "workiva";
const same = (key: string) => key;
const KEY_SET: ReadonlySet<string> = new Set(KEYS);
const SNAKE_KEY_SET: ReadonlySet<string> = new Set(KEYS.map(camelToSnake));

function runError(run: MappedRun, now: string): MappedError {
  return {
    status_code: null,
    status_text: null,
    message: run.error_message,
    errored_at: run.finished_at ?? run.started_at ?? now,
    status: "active",
    upstream_status: null,
    is_auth_error: isAuthError(null, run.error_message) ? 1 : 0,
    resolved_at: null,
  };
}

export function mapDtoConnection(raw: unknown, ctx: AdapterContext): AdapterResult {
  const checked = checkRecord(raw, ctx);
  if (!checked.ok) return checked;
  const { record, now } = checked;
  const issues: AdapterIssue[] = [];
  const snake = detectAltCasing(record, KEYS, camelToSnake, "$", issues);
  const nameOf = snake ? camelToSnake : same;
  const r = new FieldReader(record, "$", issues, nameOf);
  const trace: ImportTrace = snake ? { casing: "snake" } : {};
  if (REFRESH_REQUEST_KEYS.some((key) => r.has(key))) {
    return {
      ok: false,
      issues: [{ path: "$", reason: "this is a RefreshConnectionDto (a re-run request), not a ConnectionDto" }],
    };
  }

  const id = r.string("connectionId", { required: true });
  const created = readInstant(r, "created", trace);
  const updated = readInstant(r, "updated", trace);
  const lastRunDate = readInstant(r, "lastRunDate", trace);
  const lastRunJobId = r.string("lastRunJobId");
  const lastRunBy = r.string("lastRunBy");
  const lastRunSource = r.object("lastRunSourceParameters");
  const lastRunDestination = r.object("lastRunDestinationParameters");
  const metadata = r.object("metadata");
  const runObject = r.object("lastRun");
  const run = runObject === null ? null : readDtoRun(r.nested(runObject, r.pathOf("lastRun")), trace, lastRunJobId);
  const strings = {
    workspace_id: r.string("workspaceId"),
    description: r.string("description"),
    created_by: r.string("createdBy"),
    source_id: r.string("sourceId"),
    source_type: r.string("sourceType"),
    source_workspace_id: r.string("sourceWorkspaceId"),
    destination_id: r.string("destinationId"),
    destination_type: r.string("destinationType"),
    destination_workspace_id: r.string("destinationWorkspaceId"),
  };
  const name = r.string("name");
  if (issues.length > 0 || id === null) return { ok: false, issues };

  const mapped = blankConnection("workiva", now);
  Object.assign(mapped, {
    ...strings,
    platform_id: id,
    name: name ?? id,
    provider: WORKIVA_PROVIDER,
    status: mapWorkivaStatus(run?.status ?? null),
    metadata: jsonText(metadata),
    created_at: orFilled(trace, r.pathOf("created"), created, now),
    updated_at: updated ?? orFilled(trace, r.pathOf("updated"), created, now),
    last_run_job_id: lastRunJobId ?? run?.job_id ?? null,
    last_run_status: run?.status ?? null,
    last_run_at: lastRunDate ?? run?.finished_at ?? run?.started_at ?? null,
    last_run_by: lastRunBy ?? run?.run_by ?? null,
    last_run_source_parameters: jsonText(lastRunSource) ?? run?.source_parameters ?? null,
    last_run_destination_parameters: jsonText(lastRunDestination) ?? run?.destination_parameters ?? null,
    last_run_error: run?.error_message ?? null,
    runs: run === null ? [] : [run],
    errors: run?.status === "error" ? [runError(run, now)] : [],
  } satisfies Partial<MappedConnection>);
  trace.fields = unknownFields(record, snake ? SNAKE_KEY_SET : KEY_SET);
  return finishMapping(mapped, trace, record, exportPlain);
}

/** The run the summary points at, else the latest one given. */
function lastRunOf(mapped: MappedConnection): MappedRun | undefined {
  return mapped.runs.find((run) => run.job_id === mapped.last_run_job_id) ?? mapped.runs.at(-1);
}

/** `trace`: the import's own trace while mapping (no need to re-parse what was just built). */
function exportPlain(mapped: MappedConnection, trace: ImportTrace = parseTrace(mapped.unmapped)): JsonObject {
  const nameOf = trace.casing === "snake" ? camelToSnake : same;
  const path = (key: string) => childPath("$", nameOf(key));
  const run = lastRunOf(mapped);
  const out: JsonObject = {
    connectionId: mapped.platform_id,
    created: unlessFilled(trace, path("created"), restoreDate(trace, path("created"), mapped.created_at)),
    createdBy: mapped.created_by,
    description: mapped.description,
    destinationId: mapped.destination_id,
    destinationType: mapped.destination_type,
    destinationWorkspaceId: mapped.destination_workspace_id,
    lastRun: run === undefined ? null : exportDtoRun(run, trace, path("lastRun"), nameOf),
    lastRunBy: mapped.last_run_by,
    lastRunDate: restoreDate(trace, path("lastRunDate"), mapped.last_run_at),
    lastRunDestinationParameters: parseJsonText(mapped.last_run_destination_parameters) ?? null,
    lastRunJobId: mapped.last_run_job_id,
    lastRunSourceParameters: parseJsonText(mapped.last_run_source_parameters) ?? null,
    metadata: parseJsonText(mapped.metadata) ?? null,
    name: mapped.name,
    sourceId: mapped.source_id,
    sourceType: mapped.source_type,
    sourceWorkspaceId: mapped.source_workspace_id,
    updated: unlessFilled(trace, path("updated"), restoreDate(trace, path("updated"), mapped.updated_at)),
    workspaceId: mapped.workspace_id,
  };
  return Object.fromEntries(
    Object.entries(out)
      .filter(([, v]) => v !== null)
      .map(([k, v]) => [nameOf(k), v]),
  );
}

export function exportDtoConnection(mapped: MappedConnection): Record<string, unknown> {
  const trace = parseTrace(mapped.unmapped);
  return applyRestore(exportPlain(mapped, trace), trace);
}
