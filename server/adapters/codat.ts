// Codat `Connection` (seed 004, codatio/oas) ⇄ the console's connection. Reads the JSON API's
// camelCase and the Go models' PascalCase, and exports in whichever came in.
import { blankConnection, checkRecord, finishMapping, jsonText, parseJsonText, unknownFields } from "./adapter-kit";
import { detectAltCasing } from "./casing";
import { exportCodatErrors, readCodatErrors, toPascal } from "./codat-errors";
import { readCodatDate } from "./date-fields";
import { FieldReader, type JsonObject } from "./field-reader";
import { applyRestore, parseTrace, restoreDate, type ImportTrace } from "./import-trace";
import { childPath } from "./json-path";
import { CODAT_STATUS_VALUES, mapCodatStatus } from "./status";
import type { AdapterContext, AdapterIssue, AdapterResult, MappedConnection } from "./types";

const KEYS = [
  "id",
  "integrationId",
  "integrationKey",
  "sourceId",
  "platformName",
  "linkUrl",
  "status",
  "lastSync",
  "created",
  "sourceType",
  "dataConnectionErrors",
  "connectionInfo",
  "additionalProperties",
] as const;

const KEY_SET: ReadonlySet<string> = new Set(KEYS);
const PASCAL_KEY_SET: ReadonlySet<string> = new Set(KEYS.map(toPascal));
const same = (key: string) => key;

/** `Oracle NetSuite` → `oracle-netsuite`: Codat has no provider slug, its display name is the stable part. */
function providerSlug(platformName: string, integrationKey: string | null): string {
  const slug = platformName
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
  return slug !== "" ? slug : (integrationKey ?? "codat");
}

export function mapCodatConnection(raw: unknown, ctx: AdapterContext): AdapterResult {
  const checked = checkRecord(raw, ctx);
  if (!checked.ok) return checked;
  const { record, now } = checked;
  const issues: AdapterIssue[] = [];
  const pascal = detectAltCasing(record, KEYS, toPascal, "$", issues);
  const nameOf = pascal ? toPascal : same;
  const r = new FieldReader(record, "$", issues, nameOf);
  const zone = ctx.tenantTimeZone.trim() === "" ? "UTC" : ctx.tenantTimeZone.trim();
  const trace: ImportTrace = pascal ? { casing: "pascal" } : {};

  const id = r.string("id", { required: true });
  const integrationId = r.string("integrationId", { required: true });
  const integrationKey = r.string("integrationKey");
  const sourceId = r.string("sourceId", { required: true });
  const platformName = r.string("platformName", { required: true });
  const linkUrl = r.httpUrl("linkUrl", true);
  const upstreamStatus = r.string("status", { required: true });
  const status = upstreamStatus === null ? null : mapCodatStatus(upstreamStatus);
  if (upstreamStatus !== null && status === null) {
    r.issue("status", `"${upstreamStatus}" is not a Codat connection status (${CODAT_STATUS_VALUES.join(", ")})`);
  }
  const lastSync = readCodatDate(r, "lastSync", trace, zone);
  const created = readCodatDate(r, "created", trace, zone, true);
  const sourceType = r.string("sourceType", { required: true });
  const connectionInfo = r.object("connectionInfo");
  const errors = readCodatErrors(r, trace, zone, now);
  if (
    issues.length > 0 ||
    id === null ||
    integrationId === null ||
    sourceId === null ||
    platformName === null ||
    linkUrl === null ||
    status === null ||
    created === null ||
    sourceType === null
  ) {
    return { ok: false, issues };
  }

  const mapped = blankConnection("codat", now);
  Object.assign(mapped, {
    platform_id: id,
    name: platformName,
    provider: providerSlug(platformName, integrationKey),
    integration_id: integrationId,
    integration_key: integrationKey,
    integration_name: platformName,
    categories: JSON.stringify([sourceType.toLowerCase()]),
    source_id: sourceId,
    source_type: sourceType,
    status,
    upstream_status: upstreamStatus,
    link_url: linkUrl,
    connection_info: jsonText(connectionInfo),
    // Codat SDKs of 2023–24 carried a free-form `additionalProperties`; it is metadata to us.
    metadata: r.has("additionalProperties") ? JSON.stringify(r.raw("additionalProperties")) : null,
    created_at: created,
    last_sync_at: lastSync,
    errors,
  } satisfies Partial<MappedConnection>);
  trace.fields = unknownFields(record, pascal ? PASCAL_KEY_SET : KEY_SET);
  return finishMapping(mapped, trace, record, exportPlain);
}

const TO_CODAT: Partial<Record<MappedConnection["status"], string>> = {
  pending: "PendingAuth",
  active: "Linked",
  disconnected: "Unlinked",
  deauthorized: "Deauthorized",
};

/** The sent status while it still means our status; otherwise our status in Codat's words. */
function codatStatus(mapped: MappedConnection): string {
  const upstream = mapped.upstream_status;
  if (upstream !== null && mapCodatStatus(upstream) === mapped.status) return upstream;
  return TO_CODAT[mapped.status] ?? upstream ?? "Unlinked";
}

/** `trace`: the import's own trace while mapping (no need to re-parse what was just built). */
function exportPlain(mapped: MappedConnection, trace: ImportTrace = parseTrace(mapped.unmapped)): JsonObject {
  const nameOf = trace.casing === "pascal" ? toPascal : same;
  const path = (key: string) => childPath("$", nameOf(key));
  const out: JsonObject = {
    id: mapped.platform_id,
    integrationId: mapped.integration_id,
    integrationKey: mapped.integration_key,
    sourceId: mapped.source_id,
    platformName: mapped.integration_name ?? mapped.name,
    linkUrl: mapped.link_url,
    status: codatStatus(mapped),
    lastSync: restoreDate(trace, path("lastSync"), mapped.last_sync_at),
    created: restoreDate(trace, path("created"), mapped.created_at),
    sourceType: mapped.source_type,
    dataConnectionErrors:
      mapped.errors.length > 0 ? exportCodatErrors(mapped.errors, trace, path("dataConnectionErrors"), nameOf) : null,
    connectionInfo: parseJsonText(mapped.connection_info) ?? null,
    additionalProperties: parseJsonText(mapped.metadata),
  };
  // Codat omits what it does not have; `restore` brings back explicit nulls that were sent.
  return Object.fromEntries(
    Object.entries(out)
      .filter(([, v]) => v !== null && v !== undefined)
      .map(([k, v]) => [nameOf(k), v]),
  );
}

export function exportCodatConnection(mapped: MappedConnection): Record<string, unknown> {
  const trace = parseTrace(mapped.unmapped);
  return applyRestore(exportPlain(mapped, trace), trace);
}
