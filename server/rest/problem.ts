// Errors of the REST API as RFC 9457 problem details (application/problem+json): a `type` URI
// naming the kind of problem (documented on the console's API reference page), its `title`, the
// HTTP `status`, and a `detail` sentence written for the person reading the integration's logs.
import { z } from "zod";

export const PROBLEM_TYPES = {
  "invalid-request": { status: 400, title: "The request is not valid" },
  unauthorized: { status: 401, title: "An API key is needed" },
  "missing-scope": { status: 403, title: "The API key lacks a scope" },
  forbidden: { status: 403, title: "Not allowed" },
  "not-found": { status: 404, title: "Not found" },
  "method-not-allowed": { status: 405, title: "Method not allowed" },
  conflict: { status: 409, title: "Conflict with the current state" },
  "idempotency-in-progress": { status: 409, title: "A request with this Idempotency-Key is still running" },
  "payload-too-large": { status: 413, title: "The body is too large" },
  "uri-too-long": { status: 414, title: "The URL is too long" },
  "unsupported-media-type": { status: 415, title: "Send JSON" },
  "idempotency-key-reused": { status: 422, title: "Idempotency-Key reused for a different request" },
  "internal-error": { status: 500, title: "Internal error" },
} as const;
export type ProblemType = keyof typeof PROBLEM_TYPES;

export const PROBLEM_CONTENT_TYPE = "application/problem+json";

export const ZProblemSchema = z
  .object({
    type: z.string().meta({ description: "URI of the problem type, documented on the API reference page" }),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().meta({ description: "What went wrong with this request, in a sentence" }),
    instance: z.string().optional().meta({ description: "The request path" }),
    errors: z
      .array(z.object({ field: z.string(), message: z.string() }))
      .optional()
      .meta({ description: "invalid-request: each invalid field (query parameter or body property)" }),
    request_id: z.string().optional().meta({ description: "internal-error: quote it to support" }),
    current: z.unknown().optional().meta({ description: "conflict: the current state of the resource, when known" }),
  })
  .meta({ id: "Problem", description: "RFC 9457 problem details" });
export type Problem = z.infer<typeof ZProblemSchema>;

/** A problem raised inside the REST layer; becomes its response in one place (handle-rest-request). */
export class RestProblem extends Error {
  constructor(
    readonly kind: ProblemType,
    readonly detail: string,
    readonly extra: Pick<Problem, "errors" | "current" | "request_id"> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(detail);
    this.name = "RestProblem";
  }
}

export const problemTypeUri = (origin: string, kind: ProblemType) => `${origin}/settings/api#problem-${kind}`;

export function problemResponse(origin: string, problem: RestProblem, instance: string): Response {
  const { status, title } = PROBLEM_TYPES[problem.kind];
  const body: Problem = {
    type: problemTypeUri(origin, problem.kind),
    title,
    status,
    detail: problem.detail,
    instance,
    ...problem.extra,
  };
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": PROBLEM_CONTENT_TYPE, "cache-control": "no-store", ...problem.headers },
  });
}
