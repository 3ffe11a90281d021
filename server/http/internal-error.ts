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

/** A route handler's 500: logs the detail, answers JSON with the id only. */
export function internalErrorResponse(error: unknown, context: { requestId?: string; route: string }): Response {
  const requestId = context.requestId ?? newRequestId();
  log.error({ requestId, route: context.route, err: error }, "internal error");
  return Response.json({ error: internalErrorMessage(requestId), requestId }, { status: 500 });
}
