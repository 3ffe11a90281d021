// The platform-neutral JSON-Schema `Connection` (seed 001) ⇄ the console's connection. The record
// is validated against the schema file itself (draft 2020-12). Extra keys inside `authentication`
// beyond type/scopes/expires_at are treated as credentials, never as metadata.
import Ajv2020, { type ErrorObject } from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { blankConnection, checkRecord, finishMapping, jsonText, parseJsonText, unknownFields } from "./adapter-kit";
import { readInstant } from "./date-fields";
import { FieldReader, type JsonObject } from "./field-reader";
import { applyRestore, orFilled, parseTrace, restoreDate, unlessFilled, type ImportTrace } from "./import-trace";
import { childPath } from "./json-path";
import connectionSchema from "./schema/connection.schema.json";
import { mapSchemaStatus } from "./status";
import type { AdapterContext, AdapterIssue, AdapterResult, MappedConnection } from "./types";

const ajv = new Ajv2020({ allErrors: true });
ajv.addKeyword("example");
addFormats(ajv);
const validate = ajv.compile(connectionSchema);

const KEYS = [
  "id",
  "name",
  "provider",
  "category",
  "tenant_id",
  "authentication",
  "status",
  "created_at",
  "last_synced_at",
  "metadata",
] as const;
const KEY_SET: ReadonlySet<string> = new Set(KEYS);
const SECRET_KEYS: ReadonlySet<string> = new Set(["authentication"]);
const AUTH_KEYS = new Set(["type", "scopes", "expires_at"]);
const CATEGORIES: readonly string[] = connectionSchema.properties.category.enum;

/** `/authentication/type` → `$.authentication.type`; a missing property is named in the path. */
function toIssue(error: ErrorObject): AdapterIssue {
  const segments = error.instancePath
    .split("/")
    .slice(1)
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
  let path = segments.reduce((acc: string, s) => childPath(acc, /^\d+$/.test(s) ? Number(s) : s), "$");
  const params: Record<string, unknown> = error.params;
  if (error.keyword === "required" && typeof params.missingProperty === "string")
    path = childPath(path, params.missingProperty);
  const allowed = Array.isArray(params.allowedValues) ? `: ${params.allowedValues.join(", ")}` : "";
  return { path, reason: `${error.message ?? "is invalid"}${allowed}` };
}

export function mapSchemaConnection(raw: unknown, ctx: AdapterContext): AdapterResult {
  const checked = checkRecord(raw, ctx);
  if (!checked.ok) return checked;
  const { record, now } = checked;
  if (!validate(record)) return { ok: false, issues: (validate.errors ?? []).map(toIssue) };

  // Valid per the schema, so the reads below only normalise; issues here would be our bug.
  const issues: AdapterIssue[] = [];
  const r = new FieldReader(record, "$", issues);
  const trace: ImportTrace = {};
  const auth = r.object("authentication") ?? {};
  const a = r.nested(auth, r.pathOf("authentication"));
  const scopes = a.stringArray("scopes");
  const expiresAt = readInstant(a, "expires_at", trace);
  const credentials = Object.fromEntries(Object.entries(auth).filter(([key]) => !AUTH_KEYS.has(key)));
  const status = mapSchemaStatus(r.string("status") ?? "");
  const provider = r.string("provider") ?? "";
  const category = r.string("category");
  const createdAt = readInstant(r, "created_at", trace);
  const lastSync = readInstant(r, "last_synced_at", trace);
  if (issues.length > 0 || status === null) return { ok: false, issues };

  const mapped = blankConnection("generic", now);
  Object.assign(mapped, {
    platform_id: r.string("id") ?? "",
    name: r.string("name") ?? provider,
    provider,
    // Stored lower-case like the other platforms' categories; export restores the enum's spelling.
    categories: JSON.stringify(category === null ? [] : [category.toLowerCase()]),
    tenantRef: r.string("tenant_id"),
    auth_type: a.string("type"),
    auth_scopes: jsonText(scopes),
    auth_expires_at: expiresAt,
    credentials: Object.keys(credentials).length > 0 ? credentials : null,
    status,
    upstream_status: r.string("status"),
    metadata: jsonText(r.object("metadata")),
    created_at: orFilled(trace, "$.created_at", createdAt, now),
    last_sync_at: lastSync,
  } satisfies Partial<MappedConnection>);
  // The record's own `platform` (paragon, merge...) has no column: it stays in unmapped.fields.
  trace.fields = unknownFields(record, KEY_SET);
  // `tenant_id` is the sender's own tenant reference (`tenant_acme_corp`); the row keeps the
  // console tenant it resolved to, so the value as sent is kept for the export.
  if (Object.hasOwn(record, "tenant_id")) trace.refs = { tenant_id: record.tenant_id };
  return finishMapping(mapped, trace, record, exportPlain, SECRET_KEYS);
}

/** The schema's status enum has no `deauthorized`; revoked access is a disconnection there. */
function schemaStatus(mapped: MappedConnection): string {
  const upstream = mapped.upstream_status;
  if (upstream !== null && mapSchemaStatus(upstream) === mapped.status) return upstream;
  return mapped.status === "deauthorized" ? "disconnected" : mapped.status;
}

/** `trace`: the import's own trace while mapping (no need to re-parse what was just built). */
function exportPlain(mapped: MappedConnection, trace: ImportTrace = parseTrace(mapped.unmapped)): JsonObject {
  const stored = parseJsonText(mapped.categories);
  const first = Array.isArray(stored) && typeof stored[0] === "string" ? stored[0] : null;
  const authentication: JsonObject = { ...(mapped.credentials ?? {}), type: mapped.auth_type };
  const scopes = parseJsonText(mapped.auth_scopes);
  if (scopes !== undefined) authentication.scopes = scopes;
  if (mapped.auth_expires_at !== null) {
    authentication.expires_at = restoreDate(trace, "$.authentication.expires_at", mapped.auth_expires_at);
  }
  const out: JsonObject = {
    id: mapped.platform_id,
    name: mapped.name,
    provider: mapped.provider,
    category: first === null ? null : (CATEGORIES.find((c) => c.toLowerCase() === first) ?? first),
    tenant_id: trace.refs && Object.hasOwn(trace.refs, "tenant_id") ? trace.refs.tenant_id : mapped.tenantRef,
    authentication,
    status: schemaStatus(mapped),
    created_at: unlessFilled(trace, "$.created_at", restoreDate(trace, "$.created_at", mapped.created_at)),
    last_synced_at: restoreDate(trace, "$.last_synced_at", mapped.last_sync_at),
    metadata: parseJsonText(mapped.metadata) ?? null,
  };
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== null));
}

export function exportSchemaConnection(mapped: MappedConnection): Record<string, unknown> {
  const trace = parseTrace(mapped.unmapped);
  return applyRestore(exportPlain(mapped, trace), trace);
}
