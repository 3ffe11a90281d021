// An error pushed on its own (POST /api/ingest/errors): Codat's DataConnectionError plus the
// `connectionId` (the platform's id of the connection it belongs to). Same rules as errors
// inside a Codat connection: Codat's date forms, status Active/Resolved/null, camelCase or
// PascalCase. `erroredOnUtc` is required here because it is part of the error's identity.
import { checkRecord } from "../adapters/adapter-kit";
import { detectAltCasing } from "../adapters/casing";
import { toPascal } from "../adapters/codat-errors";
import { readCodatDate } from "../adapters/date-fields";
import { FieldReader, isJsonObject } from "../adapters/field-reader";
import { childPath } from "../adapters/json-path";
import { isAuthError, type AdapterIssue, type MappedError } from "../adapters";

const KEYS = ["connectionId", "statusCode", "statusText", "errorMessage", "erroredOnUtc", "status", "resolvedOnUtc"];
const pascal = (key: string) => (key === "connectionId" ? "ConnectionID" : toPascal(key));

/** The connection id an error record names, read before mapping (to find its tenant's zone). */
export function errorConnectionRef(raw: unknown): string | null {
  if (!isJsonObject(raw)) return null;
  const value = Object.hasOwn(raw, "connectionId") ? raw.connectionId : raw.ConnectionID;
  return typeof value === "string" && value !== "" ? value : null;
}

export type ErrorRecordResult =
  { ok: true; connectionRef: string; error: MappedError } | { ok: false; issues: AdapterIssue[] };

export function mapErrorRecord(raw: unknown, timeZone: string, now: string): ErrorRecordResult {
  const checked = checkRecord(raw, { tenantTimeZone: timeZone, now });
  if (!checked.ok) return checked;
  const issues: AdapterIssue[] = [];
  const isPascal = detectAltCasing(checked.record, KEYS, pascal, "$", issues);
  const r = new FieldReader(checked.record, "$", issues, isPascal ? pascal : (k) => k);
  const connectionRef = r.string("connectionId", { required: true });
  const statusCode = r.code("statusCode");
  const statusText = r.string("statusText");
  const message = r.string("errorMessage");
  const erroredAt = readCodatDate(r, "erroredOnUtc", {}, timeZone, true);
  const resolvedAt = readCodatDate(r, "resolvedOnUtc", {}, timeZone);
  const upstream = r.string("status");
  if (upstream !== null && upstream !== "Active" && upstream !== "Resolved") {
    r.issue("status", `"${upstream}" is not a Codat error status (Active, Resolved or null)`);
  }
  for (const key of Object.keys(checked.record)) {
    if (!KEYS.some((k) => r.nameOf(k) === key))
      issues.push({ path: childPath("$", key), reason: "unknown field: an error has no place to keep it" });
  }
  if (issues.length > 0 || connectionRef === null || erroredAt === null) return { ok: false, issues };
  const status =
    upstream === "Active" ? "active" : upstream === "Resolved" || resolvedAt !== null ? "resolved" : "active";
  const text = [statusText, message].filter((s) => s !== null).join(" — ");
  return {
    ok: true,
    connectionRef,
    error: {
      status_code: statusCode,
      status_text: statusText,
      message,
      errored_at: erroredAt,
      status,
      upstream_status: upstream,
      is_auth_error: isAuthError(statusCode, text === "" ? null : text) ? 1 : 0,
      resolved_at: resolvedAt,
    },
  };
}
