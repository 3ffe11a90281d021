// One REST operation, declared once: method, path, the scope it needs, zod schemas for its path
// parameters, query, body and answer, and the domain call between them. The same declaration
// validates requests, shapes responses and generates the OpenAPI document (openapi-document.ts).
import { z } from "zod";
import type { ApiKeyPrincipal } from "../api-keys/authenticate-api-key";
import type { ApiKeyScope } from "../../lib/api-key-scopes";
import { describeIssues } from "../input/describe-issues";
import { formatInputPath } from "../input/unsafe-text";
import type { TenantScope } from "../scope/tenant-scope";
import { RestProblem } from "./problem";

export type RestMethod = "GET" | "POST" | "DELETE";

export interface RestContext {
  /** The key's tenant (or every tenant for a platform-wide key); its actor is the key. */
  scope: TenantScope;
  key: ApiKeyPrincipal;
  /** The console's configured public origin, for the absolute URLs it hands out. */
  origin: string;
}

type ZObject = z.ZodObject<z.ZodRawShape>;

export interface RouteDef<P extends ZObject, Q extends ZObject, B extends z.ZodType, R extends z.ZodType> {
  method: RestMethod;
  /** OpenAPI style, relative to /api/v1: `/connections/{id}/pause` */
  path: string;
  operationId: string;
  tag: string;
  summary: string;
  description?: string;
  scope: ApiKeyScope;
  params: P;
  query: Q;
  /** POST: the JSON body (an empty body reads as `{}`); GET and DELETE: `noBody` */
  body: B;
  success: { status: 200 | 201; description: string; schema: R };
  /** Problem statuses this operation answers besides the ones every operation may (401, 403, 500). */
  problems: readonly number[];
  run: (ctx: RestContext, input: { params: z.output<P>; query: z.output<Q>; body: z.output<B> }) => Promise<z.input<R>>;
}

/** A route with its types erased, as the router and the document generator hold it. */
export interface RestRoute {
  method: RestMethod;
  path: string;
  operationId: string;
  tag: string;
  summary: string;
  description?: string;
  scope: ApiKeyScope;
  params: ZObject;
  query: ZObject;
  body: z.ZodType | null;
  success: { status: 200 | 201; description: string; schema: z.ZodType };
  problems: readonly number[];
  /**
   * Validates the raw input (a 400 problem naming each field) and returns the call to make with
   * it: validation happens before an Idempotency-Key is taken, the call after.
   */
  prepare(raw: RawInput): (ctx: RestContext) => Promise<unknown>;
}

export interface RawInput {
  params: Record<string, string>;
  query: Record<string, unknown>;
  /** the parsed JSON body; undefined for GET */
  body: unknown;
}

/** Where an input came from, as the problem's field names say it: `status`, `body.reason`. */
type Source = "path" | "query" | "body";

export function invalidInput(issues: readonly { path: PropertyKey[]; message: string }[], source: Source): RestProblem {
  const named = issues.map((issue) => ({
    path: source === "body" ? ["body", ...issue.path] : issue.path,
    message: issue.message,
  }));
  return new RestProblem("invalid-request", describeIssues(named), {
    errors: named.map((i) => ({ field: formatInputPath(i.path) || source, message: i.message })),
  });
}

function parseWith<S extends z.ZodType>(schema: S, value: unknown, source: Source): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw invalidInput(result.error.issues, source);
  return result.data;
}

export const noParams = z.object({});
export const noQuery = z.object({});
/** GET operations take no body. */
export const noBody = z.undefined();

export function defineRoute<P extends ZObject, Q extends ZObject, B extends z.ZodType, R extends z.ZodType>(
  def: RouteDef<P, Q, B, R>,
): RestRoute {
  const { run, ...rest } = def;
  return {
    ...rest,
    body: def.method === "POST" ? def.body : null,
    prepare: (raw) => {
      const input = {
        params: parseWith(def.params, raw.params, "path"),
        query: parseWith(def.query, raw.query, "query"),
        body: parseWith(def.body, raw.body, "body"),
      };
      return (ctx) => run(ctx, input);
    },
  };
}
