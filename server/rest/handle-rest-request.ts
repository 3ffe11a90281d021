// The REST API v1 (/api/v1/…): one handler for every operation. It authenticates the key, finds
// the operation, checks the key's scope, reads and validates the input, honours Idempotency-Key
// on POSTs, calls the operation's domain function through the key's TenantScope, and answers
// JSON validated against the operation's declared schema — or a problem (problem.ts).
// Bad input always gets a 4xx that says what is wrong; a 500 is a bug, logged under its request id.
import { findJsonSyntaxError } from "../ingest/json-syntax-error";
import type { DB } from "../../db";
import { authenticateApiKey, missingScope } from "../api-keys/authenticate-api-key";
import { ConflictError, ForbiddenError, BadRequestError, NotFoundError } from "../errors";
import { requestIds } from "../http/request-id";
import { readLimitedBody } from "../ingest/read-limited-body";
import { capitalise, findUnsafeText, formatInputPath } from "../input/unsafe-text";
import { log } from "../log";
import { TenantScope } from "../scope/tenant-scope";
import { checkIdempotencyKey, startIdempotent, type StoredAnswer } from "./idempotency";
import { matchRoute } from "./match-route";
import { queryObject } from "./query-params";
import { openApiDocument, REST_PREFIX } from "./openapi-document";
import { PROBLEM_CONTENT_TYPE, problemResponse, RestProblem } from "./problem";
import type { RestContext, RestRoute } from "./rest-route";
import { REST_ROUTES } from "./routes";

export const MAX_REST_URL_BYTES = 8 * 1024;
export const MAX_REST_BODY_BYTES = 256 * 1024;
/** Deeper JSON than any operation takes; refused before it reaches code that recurses. */
export const MAX_JSON_DEPTH = 32;

function tooDeep(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [next, depth] = stack.pop() ?? [null, 0];
    if (typeof next !== "object" || next === null) continue;
    if (depth > limit) return true;
    for (const child of Object.values(next)) stack.push([child, depth + 1]);
  }
  return false;
}

/** A domain error as the problem it is; anything else is a bug (500, logged). */
function toProblem(error: unknown, requestId: string): RestProblem {
  if (error instanceof RestProblem) return error;
  if (error instanceof NotFoundError) return new RestProblem("not-found", error.message);
  if (error instanceof ConflictError)
    return new RestProblem("conflict", error.message, error.current === undefined ? {} : { current: error.current });
  if (error instanceof ForbiddenError) return new RestProblem("forbidden", error.message);
  if (error instanceof BadRequestError) return new RestProblem("invalid-request", error.message);
  log.error({ requestId, err: error }, "REST API internal error");
  return new RestProblem("internal-error", `Internal error (request id ${requestId}).`, { request_id: requestId });
}

async function readJsonBody(request: Request): Promise<unknown> {
  const body = await readLimitedBody(request, MAX_REST_BODY_BYTES);
  if (!body.ok) {
    if (body.tooLarge)
      throw new RestProblem("payload-too-large", `The body is larger than ${MAX_REST_BODY_BYTES / 1024} KB.`);
    throw new RestProblem("invalid-request", body.message);
  }
  if (body.text.trim() === "") return {};
  const type = (request.headers.get("content-type") ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  if (type !== "application/json")
    throw new RestProblem("unsupported-media-type", "Send the body as JSON, with Content-Type: application/json.");
  let value: unknown;
  try {
    value = JSON.parse(body.text);
  } catch {
    // Position and kind only: the parser's own message quotes the body, which may hold a secret.
    const found = findJsonSyntaxError(body.text);
    const where = found ? ` at character ${found.offset + 1}: ${found.kind}` : "";
    throw new RestProblem("invalid-request", `The body is not valid JSON${where}.`);
  }
  if (tooDeep(value, MAX_JSON_DEPTH))
    throw new RestProblem("invalid-request", `The body nests deeper than ${MAX_JSON_DEPTH} levels.`);
  const unsafe = findUnsafeText(value);
  if (unsafe) {
    const field = formatInputPath(["body", ...unsafe.path]);
    throw new RestProblem("invalid-request", `Invalid input: ${field} ${unsafe.problem}.`, {
      errors: [{ field, message: capitalise(unsafe.problem) }],
    });
  }
  return value;
}

const json = (status: number, body: string, headers: Record<string, string> = {}) =>
  new Response(body, {
    status,
    headers: {
      "content-type": status >= 400 ? PROBLEM_CONTENT_TYPE : "application/json",
      "cache-control": "no-store",
      ...headers,
    },
  });

interface Call {
  route: RestRoute;
  run: (ctx: RestContext) => Promise<unknown>;
  ctx: RestContext;
  instance: string;
  origin: string;
  requestId: string;
}

/** Runs the operation; its domain errors become stored-able problem answers. */
async function execute(call: Call): Promise<StoredAnswer & { headers: Record<string, string> }> {
  try {
    const result = await call.run(call.ctx);
    // Say exactly what goes out: the declared schema drops anything it does not name.
    const body = call.route.success.schema.parse(result);
    return { status: call.route.success.status, body: JSON.stringify(body), headers: {} };
  } catch (error) {
    const problem = toProblem(error, call.requestId);
    const response = problemResponse(call.origin, problem, call.instance);
    return { status: response.status, body: await response.text(), headers: problem.headers };
  }
}

async function answer(db: DB, request: Request, url: URL, origin: string, requestId: string): Promise<Response> {
  if (Buffer.byteLength(request.url) > MAX_REST_URL_BYTES)
    throw new RestProblem(
      "uri-too-long",
      `The URL is longer than ${MAX_REST_URL_BYTES} bytes: use fewer or shorter query parameters.`,
    );
  const path = url.pathname.slice(REST_PREFIX.length) || "/";
  if (path === "/openapi.json") {
    if (request.method !== "GET")
      throw new RestProblem(
        "method-not-allowed",
        `${request.method} is not an operation on this path; it takes GET.`,
        {},
        { allow: "GET" },
      );
    return Response.json(openApiDocument(origin), { headers: { "cache-control": "no-cache" } });
  }
  const auth = await authenticateApiKey(db, request.headers.get("authorization"));
  if (!auth.ok) throw new RestProblem("unauthorized", auth.message, {}, { "www-authenticate": 'Bearer realm="api"' });
  const { route, params } = matchRoute(REST_ROUTES, request.method, path);
  const lacking = missingScope(auth.key, route.scope);
  if (lacking) throw new RestProblem("missing-scope", lacking);

  const query = queryObject(url.searchParams, route.query);
  const body = route.method === "POST" ? await readJsonBody(request) : undefined;
  const run = route.prepare({ params, query, body });
  const call: Call = {
    route,
    run,
    ctx: { scope: TenantScope.unscopedForApiKey(db, auth.key), key: auth.key, origin },
    instance: url.pathname,
    origin,
    requestId,
  };

  const idempotencyHeader = route.method === "POST" ? request.headers.get("idempotency-key") : null;
  if (idempotencyHeader === null) {
    const result = await execute(call);
    return json(result.status, result.body, result.headers);
  }
  const start = await startIdempotent(db, {
    apiKeyId: auth.key.id,
    path,
    key: checkIdempotencyKey(idempotencyHeader),
    body,
  });
  if (start.kind === "replay") return json(start.answer.status, start.answer.body, { "idempotent-replayed": "true" });
  let result: Awaited<ReturnType<typeof execute>>;
  try {
    result = await execute(call);
  } catch (error) {
    await start.finish({ status: 500, body: "" });
    throw error;
  }
  await start.finish(result);
  return json(result.status, result.body, result.headers);
}

export async function handleRestRequest(db: DB, request: Request, origin: string): Promise<Response> {
  const { requestId } = requestIds(request.headers);
  const url = new URL(request.url);
  let response: Response;
  try {
    response = await answer(db, request, url, origin, requestId);
  } catch (error) {
    response = problemResponse(origin, toProblem(error, requestId), url.pathname);
  }
  response.headers.set("x-request-id", requestId);
  return response;
}
