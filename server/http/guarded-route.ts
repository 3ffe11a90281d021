// Route handlers (export, ingest) get what every tRPC procedure gets from server/trpc.ts: the
// input rule for text applied to their query string (400 naming the parameter), and a 500 that
// tells the client only its request id while the log keeps the detail.
import { capitalise, findUnsafeText } from "../input/unsafe-text";
import { internalErrorResponse } from "./internal-error";
import { requestIds } from "./request-id";

/** The first query parameter (name or value) that breaks the input rule, as a message. */
export function unsafeQueryMessage(params: URLSearchParams): string | null {
  for (const [name, value] of params) {
    const unsafe = findUnsafeText({ [name]: value });
    if (unsafe) return `Invalid input: query parameter ${String(unsafe.path[0])} — ${capitalise(unsafe.problem)}.`;
  }
  return null;
}

export function guardedRoute<Rest extends unknown[]>(
  route: string,
  handler: (request: Request, ...rest: Rest) => Promise<Response>,
): (request: Request, ...rest: Rest) => Promise<Response> {
  return async (request, ...rest) => {
    const ids = requestIds(request.headers);
    const headers = { "x-request-id": ids.requestId };
    const unsafe = unsafeQueryMessage(new URL(request.url).searchParams);
    if (unsafe) return Response.json({ error: unsafe }, { status: 400, headers });
    try {
      return await handler(request, ...rest);
    } catch (error) {
      return internalErrorResponse(error, { ...ids, route });
    }
  };
}
