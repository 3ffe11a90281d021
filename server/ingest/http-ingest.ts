// POST /api/ingest/{connections|runs|errors}?format=…[&tenant=SLUG]: authenticates the API key,
// checks its scope, reads the (size-limited) body and hands it to the shared ingest path.
// Bad input always gets a 4xx with a message; a 500 here would be a bug.
import type { DB } from "../../db";
import { ADAPTER_FORMATS, ADAPTERS, isAdapterFormat } from "../adapters";
import { authenticateApiKey, missingScope } from "../api-keys/authenticate-api-key";
import { ingestRecords } from "./ingest";
import { JsonStructureError } from "./json-splitter";
import { readAllRecords } from "./read-records";
import { readLimitedBody } from "./read-limited-body";
import { loadTenantDirectory } from "./resolve-tenant";
import { INGEST_KINDS, isIngestKind, type TenantRow } from "./types";

export const MAX_BODY_BYTES = 10 * 1024 * 1024;
const ACCEPTED_TYPES = ["application/json", "application/x-ndjson", "application/ndjson", "text/plain"];

const fail = (status: number, message: string) => Response.json({ error: message }, { status });

export async function handleIngestRequest(
  db: DB,
  request: Request,
  kind: string,
  limit = MAX_BODY_BYTES,
): Promise<Response> {
  if (!isIngestKind(kind))
    return fail(404, `Unknown ingest endpoint: use one of ${INGEST_KINDS.map((k) => `/api/ingest/${k}`).join(", ")}.`);
  const auth = await authenticateApiKey(db, request.headers.get("authorization"));
  if (!auth.ok) return fail(401, auth.message);
  const key = auth.key;
  const lacking = missingScope(key, "ingest");
  if (lacking) return fail(403, lacking);
  const url = new URL(request.url);
  const format = url.searchParams.get("format") ?? "";
  if (!isAdapterFormat(format))
    return fail(400, `Query parameter format must be one of ${ADAPTER_FORMATS.join(", ")}.`);
  const platform = ADAPTERS[format].platform;
  if (platform !== key.platform) {
    return fail(403, `This API key may import ${key.platform} data only; format=${format} is ${platform} data.`);
  }
  const tenants = await loadTenantDirectory(db);
  let tenant: TenantRow | null = key.tenantId === null ? null : tenants.find(key.tenantId);
  if (key.tenantId !== null && !tenant) return fail(403, "This API key's tenant no longer exists.");
  const asked = url.searchParams.get("tenant");
  if (asked !== null) {
    const named = tenants.find(asked);
    if (key.tenantId !== null && named?.id !== key.tenantId)
      return fail(403, `This API key is scoped to one tenant; tenant=${asked} is outside it.`);
    if (!named) return fail(400, `Unknown tenant "${asked}".`);
    tenant = named;
  }
  const type = (request.headers.get("content-type") ?? "application/json").split(";")[0]?.trim().toLowerCase() ?? "";
  if (!ACCEPTED_TYPES.includes(type))
    return fail(415, "Send JSON (application/json: one record or an array) or NDJSON (application/x-ndjson).");

  const body = await readLimitedBody(request, limit);
  if (!body.ok) return fail(body.tooLarge ? 413 : 400, body.message);
  let records;
  try {
    records = await readAllRecords(body.text, kind, format);
  } catch (error) {
    if (error instanceof JsonStructureError) return fail(400, `Malformed body: ${error.message}.`);
    throw error;
  }
  if (records.length === 0)
    return fail(400, "The body holds no records: send a JSON array, one JSON object, or NDJSON lines.");
  const report = await ingestRecords(db, records, {
    kind,
    format,
    actor: { id: `api-key:${key.id}`, label: `API key ${key.name}` },
    tenant,
    tenantIsScope: key.tenantId !== null,
  });
  return Response.json(report, { status: 200 });
}
