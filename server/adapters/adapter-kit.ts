// The steps every adapter shares: the safety gate on raw input, a blank mapped connection with
// the model's defaults, and the last step that records what an export needs to give the
// source record back unchanged.
import type { Platform } from "../../db/types";
import { isJsonObject, type JsonObject } from "./field-reader";
import { diffForRestore, serializeTrace, type ImportTrace } from "./import-trace";
import { checkSafeJson } from "./safe-json";
import type { AdapterContext, AdapterIssue, AdapterResult, MappedConnection } from "./types";

export type Checked = { ok: true; record: JsonObject; now: string } | { ok: false; issues: AdapterIssue[] };

/** Safety gate + "is it an object" + a usable `ctx.now`. */
export function checkRecord(raw: unknown, ctx: AdapterContext): Checked {
  const issues = checkSafeJson(raw);
  if (issues.length > 0) return { ok: false, issues };
  if (!isJsonObject(raw)) return { ok: false, issues: [{ path: "$", reason: "expected a JSON object" }] };
  const now = normalisedNow(ctx.now);
  if (now === null) return { ok: false, issues: [{ path: "$", reason: `import time "${ctx.now}" is not a date` }] };
  return { ok: true, record: raw, now };
}

// A batch maps every record with the same `ctx.now`: parse it once.
let lastNow: { text: string; iso: string | null } = { text: "", iso: null };

function normalisedNow(text: string): string | null {
  if (lastNow.text !== text) {
    const date = new Date(text);
    lastNow = { text, iso: Number.isNaN(date.getTime()) ? null : date.toISOString() };
  }
  return lastNow.iso;
}

export function blankConnection(platform: Platform, now: string): MappedConnection {
  return {
    platform,
    platform_id: "",
    workspace_id: null,
    name: "",
    description: null,
    provider: "",
    integration_id: null,
    integration_key: null,
    integration_name: null,
    categories: "[]",
    source_id: null,
    source_type: null,
    source_workspace_id: null,
    destination_id: null,
    destination_type: null,
    destination_workspace_id: null,
    status: "active",
    upstream_status: null,
    platform_paused: 0,
    platform_paused_reason: null,
    environment: null,
    external_xref: null,
    auth_type: null,
    auth_scopes: null,
    auth_expires_at: null,
    auth_aws_arn: null,
    permissions: "[]",
    link_url: null,
    connection_info: null,
    metadata: null,
    unmapped: null,
    created_at: now,
    updated_at: now,
    created_by: null,
    updated_by: null,
    last_sync_at: null,
    last_run_job_id: null,
    last_run_status: null,
    last_run_at: null,
    last_run_by: null,
    last_run_source_parameters: null,
    last_run_destination_parameters: null,
    last_run_error: null,
    tenantRef: null,
    credentials: null,
    runs: [],
    errors: [],
  };
}

const NO_KEYS: ReadonlySet<string> = new Set();

/** Source keys we do not model, verbatim. */
export function unknownFields(record: JsonObject, knownSourceKeys: ReadonlySet<string>): JsonObject {
  const out: JsonObject = {};
  for (const key in record) if (Object.hasOwn(record, key) && !knownSourceKeys.has(key)) out[key] = record[key];
  return out;
}

/**
 * Store the trace on the mapped row, compare the plain export with what was sent (known keys
 * only) and keep the differences, so `export(map(x))` equals `x`. `skip` names keys holding
 * secrets: they must never be copied into `unmapped`.
 */
export function finishMapping(
  mapped: MappedConnection,
  trace: ImportTrace,
  record: JsonObject,
  exportPlain: (mapped: MappedConnection, trace: ImportTrace) => JsonObject,
  skip: ReadonlySet<string> = NO_KEYS,
): AdapterResult {
  const fields = trace.fields ?? {};
  const sentKnown: JsonObject = {};
  for (const key in record) if (Object.hasOwn(record, key) && !Object.hasOwn(fields, key)) sentKnown[key] = record[key];
  // The plain export reads only the trace's casing and dates, so it is given the trace itself
  // rather than a serialised-and-parsed copy (same content, no JSON round trip per record).
  trace.restore = diffForRestore(sentKnown, exportPlain(mapped, trace), skip);
  mapped.unmapped = serializeTrace(trace);
  return { ok: true, value: mapped };
}

export function jsonText(value: unknown): string | null {
  return value === undefined || value === null ? null : JSON.stringify(value);
}

export function parseJsonText(text: string | null): unknown {
  if (text === null) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
