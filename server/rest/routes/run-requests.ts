// POST /connections/{id}/runs asks the platform for a re-run (recorded as a pending run request,
// shown on the connection's Runs tab); GET /run-requests is how a worker finds pending ones.
import { z } from "zod";
import { listRunRequests } from "../../run-requests/list-run-requests";
import { requestRun } from "../../run-requests/request-run";
import { RUN_REQUEST_STATUSES, ZRequestRunInputSchema, ZRunRequestSchema } from "../../run-requests/run-requests.types";
import { resolveConnectionRef, ZConnectionPathParams, ZConnectionRef } from "../connection-ref";
import { defineRoute, noBody, noParams, noQuery } from "../rest-route";
import { pageOf, queryInteger, ZCursorParam } from "../rest-schemas";

const input = ZRequestRunInputSchema.shape;
const ZRunRequest = ZRunRequestSchema.meta({ id: "RunRequest" });

export const requestRunRoute = defineRoute({
  method: "POST",
  path: "/connections/{id}/runs",
  operationId: "requestRun",
  tag: "Run requests",
  summary: "Request a re-run",
  description:
    "Records a pending run request with the last run's source and destination parameters; keys you send replace " +
    "the last run's keys of the same name (null removes one). It stays pending until the platform ingests a run " +
    "with its `job_id` (POST /api/ingest/runs).",
  scope: "connections:write",
  params: ZConnectionPathParams,
  query: noQuery,
  body: z.strictObject({
    job_id: input.jobId.meta({ description: "The job id to run under; one is made when omitted" }),
    source_parameters: input.sourceParameters,
    destination_parameters: input.destinationParameters,
    note: input.note,
  }),
  success: { status: 201, description: "The pending run request", schema: ZRunRequest },
  problems: [400, 404, 409, 422],
  run: async ({ scope }, { params, body }) =>
    requestRun(scope, await resolveConnectionRef(scope, params.id), {
      jobId: body.job_id,
      sourceParameters: body.source_parameters,
      destinationParameters: body.destination_parameters,
      note: body.note,
    }),
});

export const listRunRequestsRoute = defineRoute({
  method: "GET",
  path: "/run-requests",
  operationId: "listRunRequests",
  tag: "Run requests",
  summary: "List run requests",
  description: "Newest first; `status=pending` is the work still to do.",
  scope: "connections:read",
  params: noParams,
  query: z.object({
    status: z.enum(RUN_REQUEST_STATUSES).optional(),
    connection: ZConnectionRef.optional(),
    limit: queryInteger(z.number().int().min(1).max(200)).default(50).meta({ description: "1 to 200; default 50" }),
    cursor: ZCursorParam,
  }),
  body: noBody,
  success: { status: 200, description: "One page of run requests", schema: pageOf(ZRunRequest, "RunRequestPage") },
  problems: [400, 404],
  run: async ({ scope }, { query }) => {
    const connectionId =
      query.connection === undefined ? undefined : await resolveConnectionRef(scope, query.connection);
    const page = await listRunRequests(scope, {
      connectionId,
      status: query.status,
      limit: query.limit,
      cursor: query.cursor,
    });
    return { data: page.rows, next_cursor: page.nextCursor };
  },
});
