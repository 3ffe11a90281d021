// Unified.to `Connection` (seed 000) ⇄ the console's connection. `auth` holds live tokens: it
// becomes `credentials` (encrypted by the caller) and is never copied into metadata or unmapped.
import { blankConnection, checkRecord, finishMapping, unknownFields } from "./adapter-kit";
import { readInstant } from "./date-fields";
import { FieldReader, isJsonObject, type JsonObject } from "./field-reader";
import { applyRestore, orFilled, parseTrace, restoreDate, unlessFilled, type ImportTrace } from "./import-trace";
import { parseInstant } from "./instant";
import { mapUnifiedStatus } from "./status";
import type { AdapterContext, AdapterIssue, AdapterResult, MappedConnection } from "./types";

const KEYS = [
  "id",
  "created_at",
  "updated_at",
  "workspace_id",
  "integration_type",
  "integration_name",
  "external_xref",
  "permissions",
  "categories",
  "auth",
  "is_paused",
  "environment",
  "auth_aws_arn",
] as const;
const KEY_SET: ReadonlySet<string> = new Set(KEYS);
const SECRET_KEYS: ReadonlySet<string> = new Set(["auth"]);
export const UNIFIED_DEFAULT_ENVIRONMENT = "Production";
export const UNIFIED_PAUSE_REASON = "Paused by platform (plan limit)";

/** A label for the kind of credential, from which token fields are present; never their values. */
function authKind(auth: JsonObject | null): string | null {
  if (auth === null) return null;
  if (typeof auth.access_token === "string" || typeof auth.refresh_token === "string") return "oauth2";
  if (typeof auth.key === "string" || typeof auth.dev_api_key === "string") return "apikey";
  return null;
}

function authExpiry(auth: JsonObject | null): string | null {
  const value = auth?.expiry_date;
  if (typeof value !== "string") return null;
  const parsed = parseInstant(value);
  return parsed.ok ? parsed.utc : null;
}

export function mapUnifiedConnection(raw: unknown, ctx: AdapterContext): AdapterResult {
  const checked = checkRecord(raw, ctx);
  if (!checked.ok) return checked;
  const { record, now } = checked;
  const issues: AdapterIssue[] = [];
  const r = new FieldReader(record, "$", issues);
  const trace: ImportTrace = {};

  let id: string | null = null;
  if (r.raw("id") === undefined || r.raw("id") === null) {
    // Unified assigns ids; its SDK examples are create-request bodies without one.
    r.issue(
      "id",
      "required to import: ingest upserts by platform + id, and this record has none (a create-request body?)",
    );
  } else {
    id = r.string("id", { required: true });
  }
  const integrationType = r.string("integration_type", { required: true });
  const categories = r.stringArray("categories", true);
  const permissions = r.stringArray("permissions", true);
  const createdAt = readInstant(r, "created_at", trace);
  const updatedAt = readInstant(r, "updated_at", trace);
  // Checked by hand: the generic reader quotes bad values in its reasons, and this one is a secret.
  const rawAuth = r.raw("auth");
  const auth = isJsonObject(rawAuth) ? rawAuth : null;
  if (rawAuth !== undefined && rawAuth !== null && auth === null)
    r.issue("auth", "expected an object (value not shown: it holds credentials)");
  const isPaused = r.boolean("is_paused");
  const mappedFields = {
    workspace_id: r.string("workspace_id"),
    integration_name: r.string("integration_name"),
    external_xref: r.string("external_xref"),
    environment: r.string("environment") ?? UNIFIED_DEFAULT_ENVIRONMENT,
    auth_aws_arn: r.string("auth_aws_arn"),
  };
  if (issues.length > 0 || id === null || integrationType === null || categories === null || permissions === null) {
    return { ok: false, issues };
  }

  const mapped = blankConnection("unified", now);
  Object.assign(mapped, {
    ...mappedFields,
    platform_id: id,
    name: mappedFields.integration_name ?? integrationType,
    provider: integrationType,
    categories: JSON.stringify(categories),
    permissions: JSON.stringify(permissions),
    status: mapUnifiedStatus(),
    platform_paused: isPaused === true ? 1 : 0,
    platform_paused_reason: isPaused === true ? UNIFIED_PAUSE_REASON : null,
    auth_type: authKind(auth),
    auth_expires_at: authExpiry(auth),
    credentials: auth,
    created_at: orFilled(trace, "$.created_at", createdAt, now),
    updated_at: updatedAt ?? orFilled(trace, "$.updated_at", createdAt, now),
  } satisfies Partial<MappedConnection>);
  trace.fields = unknownFields(record, KEY_SET);
  return finishMapping(mapped, trace, record, exportPlain, SECRET_KEYS);
}

function parseStringArray(text: string): string[] {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
  } catch {
    return [];
  }
}

/** `trace`: the import's own trace while mapping (no need to re-parse what was just built). */
function exportPlain(mapped: MappedConnection, trace: ImportTrace = parseTrace(mapped.unmapped)): JsonObject {
  const out: JsonObject = {
    id: mapped.platform_id,
    created_at: unlessFilled(trace, "$.created_at", restoreDate(trace, "$.created_at", mapped.created_at)),
    updated_at: unlessFilled(trace, "$.updated_at", restoreDate(trace, "$.updated_at", mapped.updated_at)),
    workspace_id: mapped.workspace_id,
    integration_type: mapped.provider,
    integration_name: mapped.integration_name,
    external_xref: mapped.external_xref,
    permissions: parseStringArray(mapped.permissions),
    categories: parseStringArray(mapped.categories),
    auth: mapped.credentials,
    is_paused: mapped.platform_paused === 1 ? true : null,
    environment: mapped.environment,
    auth_aws_arn: mapped.auth_aws_arn,
  };
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== null));
}

export function exportUnifiedConnection(mapped: MappedConnection): Record<string, unknown> {
  const trace = parseTrace(mapped.unmapped);
  return applyRestore(exportPlain(mapped, trace), trace);
}
