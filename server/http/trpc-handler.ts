// The tRPC HTTP endpoint: one request id per request (response header, error message, log line),
// server errors logged once with their detail, and a readable answer for a GET whose input is
// too long for a URL.
//
// Why a URL limit of our own: Node refuses a request whose request line and headers exceed
// 16 KB (`--max-http-header-size`) with an empty 431 before any app code runs, and the session
// cookie alone can take a few KB of that. Refusing GET URLs over 8 KB here, with a message, means
// a long input meets this answer rather than that silence. Queries may also be sent as POST
// (`allowMethodOverride`; the console's client does so for long inputs), which has no such limit.
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { TRPCError } from "@trpc/server";
import { log } from "../log";
import { appRouter } from "../routers";
import type { Context } from "../trpc";
import { bindRequestId, requestIds } from "./request-id";

export const TRPC_ENDPOINT = "/api/trpc";
export const MAX_GET_URL_BYTES = 8 * 1024;

class UrlTooLongError extends TRPCError {
  constructor(bytes: number) {
    super({
      code: "PAYLOAD_TOO_LARGE",
      message:
        `This query's input makes a URL of ${bytes} bytes; a GET URL may have at most ${MAX_GET_URL_BYTES}. ` +
        "Use a shorter filter, or send the query as POST (the same body as a mutation).",
    });
  }
}

export function handleTRPCRequest(req: Request, createContext: () => Promise<Context>): Promise<Response> {
  const ids = requestIds(req.headers);
  const urlBytes = Buffer.byteLength(req.url);
  const tooLong = req.method === "GET" && urlBytes > MAX_GET_URL_BYTES;
  return fetchRequestHandler({
    endpoint: TRPC_ENDPOINT,
    req,
    router: appRouter,
    allowMethodOverride: true,
    // Failing context creation fails every call of the batch with this error, each in its place.
    createContext: () => (tooLong ? Promise.reject(new UrlTooLongError(urlBytes)) : createContext()),
    onError({ error, path, type }) {
      bindRequestId(error, ids.requestId);
      if (error.code !== "INTERNAL_SERVER_ERROR") return;
      log.error({ ...ids, path, type, err: error.cause ?? error }, "tRPC internal error");
    },
    responseMeta({ errors }) {
      const status = errors.some((e) => e instanceof UrlTooLongError) ? 414 : undefined;
      return { headers: { "x-request-id": ids.requestId }, ...(status ? { status } : {}) };
    },
  });
}
