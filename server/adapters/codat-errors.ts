// Codat's DataConnectionError ⇄ our connection_errors rows. Status: Active/Resolved as sent;
// null means "not transient" (still open) unless a resolvedOnUtc says it was resolved.
import { errorContentKey } from "./error-identity";
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
    if (erroredAt === null)
      (trace.undated ??= []).push(errorContentKey({ status_code: statusCode, status_text: statusText, message }));
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

/** Every exported field of an error but its time. */
const errorFields = (e: MappedError) => [
  e.status_code,
  e.status_text,
  e.message,
  e.status,
  e.upstream_status,
  e.resolved_at,
];

function upstreamErrorStatus(error: MappedError): string | undefined {
  const fromUs = error.status === "active" ? "Active" : "Resolved";
  if (error.upstream_status === fromUs) return fromUs;
  if (error.upstream_status === null && derivedStatus(error.resolved_at) === error.status) return undefined;
  return fromUs;
}

/**
 * The errors in an order that depends on nothing but the errors themselves (dated ones by time,
 * then the undated ones), so that rows read back from the database, in whatever order, export as
 * the mapped list did. Undated errors are those the trace names, by content.
 */
function canonicalOrder(errors: MappedError[], trace: ImportTrace): { error: MappedError; dated: boolean }[] {
  const undated = [...(trace.undated ?? [])];
  // Errors of the same content, one sent with a time and one without, are told apart by order:
  // tag them in an order of their own (latest first: an undated error holds the import's time,
  // after what was sent), not the order they came in, which differs between the mapped list and
  // rows read back (found by the import-twice property test, seed -1598379162).
  const latestFirst = [...errors]
    .map((error) => ({ error, key: JSON.stringify(errorFields(error)) }))
    .sort((a, b) =>
      a.error.errored_at !== b.error.errored_at
        ? a.error.errored_at < b.error.errored_at
          ? 1
          : -1
        : a.key < b.key
          ? -1
          : a.key > b.key
            ? 1
            : 0,
    )
    .map(({ error }) => error);
  const tagged = latestFirst.map((error) => {
    const at = undated.indexOf(errorContentKey(error));
    if (at >= 0) undated.splice(at, 1);
    return { error, dated: at < 0 };
  });
  const sortKey = ({ error: e, dated }: { error: MappedError; dated: boolean }) =>
    JSON.stringify([dated ? 0 : 1, dated ? e.errored_at : "", ...errorFields(e)]);
  return tagged
    .map((t) => ({ t, key: sortKey(t) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map(({ t }) => t);
}

/** Errors back in Codat's shape, keys in the source's style via `nameOf`. */
export function exportCodatErrors(
  errors: MappedError[],
  trace: ImportTrace,
  listPath: string,
  nameOf: (k: string) => string,
): JsonObject[] {
  return canonicalOrder(errors, trace).map(({ error, dated }, index) => {
    const path = (key: string) => childPath(childPath(listPath, index), nameOf(key));
    const out: JsonObject = {};
    if (error.status_code !== null) out.statusCode = error.status_code;
    if (error.status_text !== null) out.statusText = error.status_text;
    if (error.message !== null) out.errorMessage = error.message;
    // An error sent without a time goes back without one (its stored time is the import's).
    if (dated) out.erroredOnUtc = restoreDate(trace, path("erroredOnUtc"), error.errored_at);
    const status = upstreamErrorStatus(error);
    if (status !== undefined) out.status = status;
    if (error.resolved_at !== null) out.resolvedOnUtc = restoreDate(trace, path("resolvedOnUtc"), error.resolved_at);
    return Object.fromEntries(Object.entries(out).map(([k, v]) => [nameOf(k), v]));
  });
}
