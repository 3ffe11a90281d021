// The security suites call procedures the way a browser does: an HTTP request through the real
// tRPC endpoint (server/http/trpc-handler.ts over fetchRequestHandler), so the status codes and
// bodies they check are the ones a client gets.
import superjson, { type SuperJSONResult } from "superjson";
import type { DB } from "../../db";
import type { SessionUser } from "../auth/session-user";
import { handleTRPCRequest } from "../http/trpc-handler";
import { appRouter } from "../routers";
import { createTRPCContext } from "../trpc";

/** A URL cannot carry a lone surrogate at all (encodeURIComponent throws): it goes as U+FFFD. */
const wellFormed = (text: string) =>
  text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD");

export const ORIGIN = "http://localhost:3000";

export type ProcedureType = "query" | "mutation";

export interface ProcedureInfo {
  path: string;
  type: ProcedureType;
  /** the zod schemas of `.input()`, in order (zero for procedures without input) */
  inputs: unknown[];
}

interface ProcedureDef {
  _def: { type: string; inputs: unknown[] };
}
const isProcedure = (value: unknown): value is ProcedureDef =>
  typeof value === "function" && "_def" in value && typeof value._def === "object" && value._def !== null;

/** Every procedure of the app router, walked from the router itself: nothing to keep in sync. */
export function routerProcedures(): ProcedureInfo[] {
  return Object.entries(appRouter._def.procedures).flatMap(([path, proc]: [string, unknown]) =>
    isProcedure(proc)
      ? [
          {
            path,
            type: proc._def.type === "mutation" ? ("mutation" as const) : ("query" as const),
            inputs: proc._def.inputs,
          },
        ]
      : [],
  );
}

/** A request as the browser client sends it: queries as GET with `?input=`, mutations as POST. */
export function trpcRequest(path: string, type: ProcedureType, input: unknown): Request {
  const encoded = JSON.stringify(superjson.serialize(input));
  if (type === "query")
    return new Request(`${ORIGIN}/api/trpc/${path}?input=${encodeURIComponent(wellFormed(encoded))}`);
  return new Request(`${ORIGIN}/api/trpc/${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: encoded,
  });
}

/** The same body sent raw (not through superjson): what a hostile client can put on the wire. */
export function rawTrpcRequest(path: string, type: ProcedureType, body: string): Request {
  if (type === "query") return new Request(`${ORIGIN}/api/trpc/${path}?input=${encodeURIComponent(wellFormed(body))}`);
  return new Request(`${ORIGIN}/api/trpc/${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body,
  });
}

export interface TrpcOutcome {
  status: number;
  /** the whole response body as sent */
  text: string;
  /** tRPC error code (NOT_FOUND, FORBIDDEN...) or null on success */
  code: string | null;
  message: string | null;
  /** the deserialised result on success */
  data: unknown;
}

interface WireBody {
  result?: { data?: { json?: unknown; meta?: unknown } };
  error?: { json?: { message?: unknown; data?: { code?: unknown } } };
}

const textOf = (value: unknown): string => (typeof value === "string" ? value : (JSON.stringify(value) ?? ""));

export async function readOutcome(response: Response): Promise<TrpcOutcome> {
  const text = await response.text();
  let body: WireBody = {};
  try {
    body = JSON.parse(text) as WireBody;
  } catch {
    // Not JSON: the suites report the status and text as they are.
  }
  const error = body.error?.json;
  const data = body.result?.data;
  return {
    status: response.status,
    text,
    code: error ? textOf(error.data?.code) : null,
    message: error ? textOf(error.message) : null,
    data: data ? superjson.deserialize(data as SuperJSONResult) : undefined,
  };
}

/** Calls one procedure over HTTP as `user` (null: signed out). */
export async function callOverHttp(
  db: DB,
  user: SessionUser | null,
  path: string,
  type: ProcedureType,
  input: unknown,
): Promise<TrpcOutcome> {
  const response = await handleTRPCRequest(trpcRequest(path, type, input), () =>
    Promise.resolve(createTRPCContext(db, user, ORIGIN)),
  );
  return readOutcome(response);
}

/** Sends an already built request as `user`. */
export async function sendAs(db: DB, user: SessionUser | null, request: Request): Promise<TrpcOutcome> {
  const response = await handleTRPCRequest(request, () => Promise.resolve(createTRPCContext(db, user, ORIGIN)));
  return readOutcome(response);
}
