// Codat's DataConnectionError ⇄ our connection_errors rows. Status: Active/Resolved as sent;
// null means "not transient" (still open) unless a resolvedOnUtc says it was resolved.
import { childPath } from "./json-path";
import { readCodatDate } from "./date-fields";
import { isJsonObject, type FieldReader, type JsonObject } from "./field-reader";
import { restoreDate, type ImportTrace } from "./import-trace";
import { isAuthError } from "./status";
import type { MappedError } from "./types";

/** PascalCase spellings (Codat's Go models) of connection and error keys. */
const PASCAL: Record<string, string> = {
  id: "ID",
  integrationId: "IntegrationID",
  integrationKey: "IntegrationKey",
  sourceId: "SourceID",
  platformName: "PlatformName",
  linkUrl: "LinkURL",
  status: "Status",
  lastSync: "LastSync",
  created: "Created",
  sourceType: "SourceType",
  dataConnectionErrors: "DataConnectionErrors",
  connectionInfo: "ConnectionInfo",
  additionalProperties: "AdditionalProperties",
  statusCode: "StatusCode",
  statusText: "StatusText",
  errorMessage: "ErrorMessage",
  erroredOnUtc: "ErroredOnUtc",
  resolvedOnUtc: "ResolvedOnUtc",
};

export function toPascal(key: string): string {
  return PASCAL[key] ?? key;
}

function derivedStatus(resolvedAt: string | null): MappedError["status"] {
  return resolvedAt === null ? "active" : "resolved";
}

export function readCodatErrors(r: FieldReader, trace: ImportTrace, zone: string, now: string): MappedError[] {
  const list = r.array("dataConnectionErrors");
  if (list === null) return [];
  const listPath = r.pathOf("dataConnectionErrors");
  return list.flatMap((item: unknown, index): MappedError[] => {
    const path = childPath(listPath, index);
    if (!isJsonObject(item)) {
      r.issues.push({ path, reason: "expected an error object" });
      return [];
    }
    const e = r.nested(item, path);
    const statusCode = e.code("statusCode");
    const statusText = e.string("statusText");
    const message = e.string("errorMessage");
    const erroredAt = readCodatDate(e, "erroredOnUtc", trace, zone);
    const resolvedAt = readCodatDate(e, "resolvedOnUtc", trace, zone);
    const upstream = e.string("status");
    let status: MappedError["status"];
    if (upstream === "Active") status = "active";
    else if (upstream === "Resolved") status = "resolved";
    else if (upstream === null) status = derivedStatus(resolvedAt);
    else {
      e.issue("status", `"${upstream}" is not a Codat error status (Active, Resolved or null)`);
      return [];
    }
    const text = [statusText, message].filter((s) => s !== null).join(" — ");
    return [
      {
        status_code: statusCode,
        status_text: statusText,
        message,
        // Codat may omit it; the import time is when we learnt of the error.
        errored_at: erroredAt ?? now,
        status,
        upstream_status: upstream,
        is_auth_error: isAuthError(statusCode, text === "" ? null : text) ? 1 : 0,
        resolved_at: resolvedAt,
      },
    ];
  });
}

function upstreamErrorStatus(error: MappedError): string | undefined {
  const fromUs = error.status === "active" ? "Active" : "Resolved";
  if (error.upstream_status === fromUs) return fromUs;
  if (error.upstream_status === null && derivedStatus(error.resolved_at) === error.status) return undefined;
  return fromUs;
}

/** Errors back in Codat's shape, keys in the source's style via `nameOf`. */
export function exportCodatErrors(
  errors: MappedError[],
  trace: ImportTrace,
  listPath: string,
  nameOf: (k: string) => string,
): JsonObject[] {
  return errors.map((error, index) => {
    const path = (key: string) => childPath(childPath(listPath, index), nameOf(key));
    const out: JsonObject = {};
    if (error.status_code !== null) out.statusCode = error.status_code;
    if (error.status_text !== null) out.statusText = error.status_text;
    if (error.message !== null) out.errorMessage = error.message;
    out.erroredOnUtc = restoreDate(trace, path("erroredOnUtc"), error.errored_at);
    const status = upstreamErrorStatus(error);
    if (status !== undefined) out.status = status;
    if (error.resolved_at !== null) out.resolvedOnUtc = restoreDate(trace, path("resolvedOnUtc"), error.resolved_at);
    return Object.fromEntries(Object.entries(out).map(([k, v]) => [nameOf(k), v]));
  });
}
