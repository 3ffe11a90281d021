// The contract check behind every REST test call: the answer's status must be one the OpenAPI
// document declares for the operation, its content type one of that response's, and its body
// valid against that response's schema (ajv, JSON Schema 2020-12, with the document's $refs).
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import type { oas31 } from "zod-openapi";
import { openApiDocument } from "../openapi-document";

export const TEST_ORIGIN = "http://console.test";

const doc = openApiDocument(TEST_ORIGIN);
const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);
ajv.addSchema({ ...doc, $id: "openapi.json" });

const pointer = (part: string) => part.replaceAll("~", "~0").replaceAll("/", "~1");

/** The document's path template for a concrete path: `/connections/con_1/pause` → `/connections/{id}/pause`. */
export function templateOf(path: string): string | null {
  const segments = path.split("?")[0]?.split("/").filter(Boolean) ?? [];
  for (const template of Object.keys(doc.paths ?? {})) {
    const parts = template.split("/").filter(Boolean);
    if (parts.length === segments.length && parts.every((p, i) => p.startsWith("{") || p === segments[i]))
      return template;
  }
  return null;
}

export interface ContractResult {
  ok: boolean;
  problems: string[];
}

export function checkContract(
  method: string,
  path: string,
  status: number,
  contentType: string,
  body: unknown,
): ContractResult {
  const template = templateOf(path);
  const problems: string[] = [];
  if (template === null) {
    // Paths outside the document may only answer problems (404 and the like).
    const validate = ajv.getSchema("openapi.json#/components/schemas/Problem");
    if (!contentType.startsWith("application/problem+json")) problems.push(`undocumented path answered ${contentType}`);
    else if (validate && !validate(body)) problems.push(ajv.errorsText(validate.errors));
    return { ok: problems.length === 0, problems };
  }
  const operation = doc.paths?.[template]?.[method.toLowerCase() as "get" | "post" | "delete"];
  if (!operation) {
    // A method the path lacks: 405 as a problem.
    if (status !== 405) problems.push(`${method} ${template} is not in the document but answered ${status}`);
    const validate = ajv.getSchema("openapi.json#/components/schemas/Problem");
    if (validate && !validate(body)) problems.push(ajv.errorsText(validate.errors));
    return { ok: problems.length === 0, problems };
  }
  const responses: Record<string, oas31.ResponseObject | oas31.ReferenceObject> = operation.responses ?? {};
  const response = responses[String(status)];
  if (!response || "$ref" in response) {
    problems.push(`${method} ${template} does not declare status ${status}`);
    return { ok: false, problems };
  }
  const type = contentType.split(";")[0]?.trim() ?? "";
  if (!response.content?.[type]) {
    problems.push(`${method} ${template} ${status} does not declare content type ${type}`);
    return { ok: false, problems };
  }
  const ref = `openapi.json#/paths/${pointer(template)}/${method.toLowerCase()}/responses/${status}/content/${pointer(type)}/schema`;
  const validate = ajv.getSchema(ref);
  if (!validate) problems.push(`no schema at ${ref}`);
  else if (!validate(body)) problems.push(`${method} ${template} ${status}: ${ajv.errorsText(validate.errors)}`);
  return { ok: problems.length === 0, problems };
}
