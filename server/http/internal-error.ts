// What a client learns of a bug: that it happened, and which request it was. The detail (driver
// message, stack) goes to the log under the same request id, never into a response.
import { log } from "../log";
import { bindRequestId, newRequestId, requestIdOf } from "./request-id";

export const internalErrorMessage = (requestId: string) => `Internal error (request id ${requestId}).`;

/**
 * The request id an error was logged under; an error nobody logged yet (a path without the HTTP
 * handler's onError) is logged here, so a client never holds an id the log does not.
 */
export function loggedRequestId(error: Error): string {
  const known = requestIdOf(error);
  if (known) return known;
  const requestId = newRequestId();
  bindRequestId(error, requestId);
  log.error({ requestId, err: error }, "internal error");
  return requestId;
}

/** A route handler's 500: logs the detail under the request's id, answers JSON with the id only. */
export function internalErrorResponse(
  error: unknown,
  context: { route: string; requestId: string; clientRequestId?: string },
): Response {
  log.error({ ...context, err: error }, "route handler failed");
  const body = { error: internalErrorMessage(context.requestId), requestId: context.requestId };
  return Response.json(body, { status: 500, headers: { "x-request-id": context.requestId } });
}
