// Test support: fast-check generators of import records for every format, each optional field
// (and each optional field of nested objects: Codat errors, Workiva's last run, JSON-Schema's
// authentication) absent, null, empty or present. Required fields are always valid, so most
// records are accepted; those that are not (a null where the JSON Schema wants a string) must be
// rejected the same way every time.
import fc from "fast-check";
import type { AdapterFormat } from "../adapters";

type Json = Record<string, unknown>;
/** A field left out of the record. */
const ABSENT = Symbol("absent");
type Field = unknown;

const word = fc.stringMatching(/^[A-Za-z][A-Za-z0-9 ._-]{0,11}$/);
const utcDate = fc.date({
  min: new Date("2019-01-01T00:00:00Z"),
  max: new Date("2027-12-31T00:00:00Z"),
  noInvalidDate: true,
});
/** An RFC 3339 instant: Z with or without milliseconds, or a numeric offset. */
const instant = fc.tuple(utcDate, fc.constantFrom("ms", "s", "offset")).map(([d, style]) => {
  const iso = d.toISOString();
  if (style === "ms") return iso;
  if (style === "s") return iso.replace(/\.\d{3}Z$/, "Z");
  return iso.replace(/\.\d{3}Z$/, "+02:00");
});
/** Codat also sends unqualified local times and bare dates (read in the tenant's zone). */
const codatDate = fc.oneof(
  instant,
  utcDate.map((d) => d.toISOString().slice(0, 19)),
  utcDate.map((d) => d.toISOString().slice(0, 10)),
);
const smallObject = fc.dictionary(
  fc.constantFrom("a", "b", "region", "account"),
  fc.oneof(word, fc.integer(), fc.boolean()),
  {
    maxKeys: 3,
  },
);

/**
 * absent | null | empty | present, for a field whose empty value is `empty`. Null and empty are
 * rarer: where a format forbids them the record is rejected, and most records should land.
 */
function optional(present: fc.Arbitrary<unknown>, empty: unknown): fc.Arbitrary<Field> {
  return fc.oneof(
    { arbitrary: fc.constant(ABSENT), weight: 3 },
    { arbitrary: fc.constant(null), weight: 1 },
    { arbitrary: fc.constant(empty), weight: 1 },
    { arbitrary: present, weight: 3 },
  );
}
const optString = optional(word, "");
const optObject = optional(smallObject, {});

/** Drops the absent fields. */
function build(fields: Record<string, Field>): Json {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== ABSENT));
}

const codatError = fc
  .record({
    statusCode: optional(fc.oneof(fc.constantFrom(401, 403, 500), fc.constantFrom("401", "429", "503")), ""),
    statusText: optString,
    errorMessage: optString,
    erroredOnUtc: optional(codatDate, ""),
    status: optional(fc.constantFrom("Active", "Resolved"), ""),
    resolvedOnUtc: optional(codatDate, ""),
  })
  .map(build);

const codat = fc
  .record({
    integrationId: fc.uuid(),
    sourceId: fc.uuid(),
    platformName: fc.constantFrom("Xero", "QuickBooks Online", "Sage Intacct", "Pandle"),
    status: fc.constantFrom("PendingAuth", "Linked", "Unlinked", "Deauthorized"),
    created: codatDate,
    sourceType: fc.constantFrom("Accounting", "Banking", "Commerce"),
    integrationKey: optString,
    lastSync: optional(codatDate, ""),
    dataConnectionErrors: optional(fc.array(codatError, { minLength: 1, maxLength: 3 }), []),
    connectionInfo: optObject,
    additionalProperties: optObject,
  })
  .map((fields) => ({ linkUrl: "https://link.codat.io/start", ...build(fields) }));

const unified = fc
  .record({
    integration_type: fc.constantFrom("salesforce", "hubspot", "xero", "bamboohr"),
    categories: fc.array(fc.constantFrom("crm", "accounting", "hris"), { maxLength: 2 }),
    permissions: fc.array(fc.constantFrom("crm_contact_read", "crm_deal_write"), { maxLength: 2 }),
    created_at: optional(instant, ""),
    updated_at: optional(instant, ""),
    workspace_id: optString,
    integration_name: optString,
    external_xref: optString,
    auth: optional(fc.record({ access_token: word, expiry_date: optional(instant, "") }).map(build), {}),
    is_paused: optional(fc.boolean(), false),
    environment: optString,
    auth_aws_arn: optString,
  })
  .map(build);

const runStatus = optional(fc.constantFrom("not_started", "running", "complete", "error", "cancelled"), "");
const dtoRun = fc
  .record({
    jobId: optString,
    created: optional(instant, ""),
    updated: optional(instant, ""),
    createdBy: optString,
    sourceStatus: runStatus,
    destinationStatus: runStatus,
    error: optString,
    sourceParameters: optObject,
    destinationParameters: optObject,
  })
  .map(build);

const dto = fc
  .record({
    name: optString,
    description: optString,
    created: optional(instant, ""),
    updated: optional(instant, ""),
    createdBy: optString,
    workspaceId: optString,
    sourceId: optString,
    sourceType: optString,
    sourceWorkspaceId: optString,
    destinationId: optString,
    destinationType: optString,
    destinationWorkspaceId: optString,
    lastRun: optional(dtoRun, {}),
    lastRunBy: optString,
    lastRunDate: optional(instant, ""),
    lastRunJobId: optString,
    lastRunSourceParameters: optObject,
    lastRunDestinationParameters: optObject,
    metadata: optObject,
  })
  .map(build);

const schemaAuth = fc
  .record({
    type: fc.constantFrom("oauth2", "apikey", "bearer"),
    scopes: optional(fc.array(word, { minLength: 1, maxLength: 3 }), []),
    expires_at: optional(instant, ""),
    api_key: optional(word, ""),
  })
  .map(build);

const schema = fc
  .record({
    provider: fc.constantFrom("salesforce", "netsuite", "github"),
    // The vendor's own tenant reference: kept as sent, the import's tenant applies.
    tenant_id: fc.constantFrom("tenant_acme_corp", "acme"),
    authentication: schemaAuth,
    status: fc.constantFrom("active", "disconnected", "expired", "error", "pending"),
    name: optString,
    category: optional(fc.constantFrom("CRM", "Accounting", "E-Commerce"), ""),
    platform: optString,
    created_at: optional(instant, ""),
    last_synced_at: optional(instant, ""),
    metadata: optObject,
  })
  .map(build);

const BY_FORMAT: Record<AdapterFormat, fc.Arbitrary<Json>> = { codat, unified, dto, schema };

/** The key holding a record's platform id. */
export const ID_KEY: Record<AdapterFormat, string> = { codat: "id", unified: "id", dto: "connectionId", schema: "id" };

/** A file of 1–`max` records of one format, without ids: the caller gives each its own (see ID_KEY). */
export function recordFile(format: AdapterFormat, max = 5): fc.Arbitrary<Json[]> {
  return fc.array(BY_FORMAT[format], { minLength: 1, maxLength: max });
}
