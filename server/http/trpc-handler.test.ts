// Bad input and server errors through the real tRPC endpoint (fetch handler) and the server
// caller, on every procedure of the router: a procedure added later is covered without anyone
// remembering it.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import superjson from "superjson";
import { afterEach, expect, it, vi } from "vitest";
import { z } from "zod";
import { createDb } from "../../db";
import { formatInputPath, type InputPath } from "../input/unsafe-text";
import { log } from "../log";
import { appRouter } from "../routers";
import { callerAs, staff } from "../test/callers";
import { describeEachDb } from "../test/databases";
import { createTRPCContext } from "../trpc";
import { handleTRPCRequest, MAX_GET_URL_BYTES } from "./trpc-handler";

const ORIGIN = "http://localhost:3000";

type JsonSchema = z.core.JSONSchema._JSONSchema;

/** Every place in an input schema where a client can put a string. */
function stringPaths(schema: JsonSchema, at: InputPath = [], out: InputPath[] = []): InputPath[] {
  if (typeof schema === "boolean") {
    if (schema && at.length > 0) out.push(at);
    return out;
  }
  const types = schema.type === undefined ? [] : [schema.type].flat();
  const branches = [...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])];
  if (types.includes("string")) out.push(at);
  for (const [key, sub] of Object.entries(schema.properties ?? {})) stringPaths(sub, [...at, key], out);
  for (const item of [schema.items ?? []].flat()) stringPaths(item, [...at, 0], out);
  if (typeof schema.additionalProperties === "object") stringPaths(schema.additionalProperties, [...at, "key"], out);
  for (const branch of branches) stringPaths(branch, at, out);
  // A schema that accepts anything (a transform, a date) accepts a string too.
  if (types.length === 0 && branches.length === 0 && !schema.properties && at.length > 0) out.push(at);
  return out;
}

/** `{ a: { b: [value] } }` for the path a.b[0]. */
function inputWith(at: InputPath, value: string): unknown {
  let input: unknown = value;
  for (const part of [...at].reverse()) input = typeof part === "number" ? [input] : { [part]: input };
  return input;
}

interface Procedure {
  name: string;
  type: "query" | "mutation";
  paths: InputPath[];
}

interface ProcedureDef {
  _def: { type: string; inputs: unknown[] };
}
const isProcedure = (value: unknown): value is ProcedureDef =>
  typeof value === "function" && "_def" in value && typeof value._def === "object" && value._def !== null;

const procedures: Procedure[] = Object.entries(appRouter._def.procedures).flatMap(([name, proc]: [string, unknown]) => {
  if (!isProcedure(proc)) return [];
  const schemas = proc._def.inputs.filter((s): s is z.ZodType => s instanceof z.ZodType);
  const paths = schemas.flatMap((s) => stringPaths(z.toJSONSchema(s, { io: "input", unrepresentable: "any" })));
  const unique = [...new Map(paths.map((p) => [JSON.stringify(p), p])).values()];
  return [{ name, type: proc._def.type === "mutation" ? "mutation" : "query", paths: unique }];
});

const cases = procedures.flatMap((p) => p.paths.map((at) => ({ ...p, at })));

/** The procedure `name` of a caller, e.g. "views.save". */
function callerProcedure(caller: object, name: string): (input: unknown) => Promise<unknown> {
  let target: unknown = caller;
  for (const part of name.split(".")) target = Reflect.get(target as object, part);
  if (typeof target !== "function") throw new Error(`no procedure ${name}`);
  const fn = target;
  return async (input: unknown) => {
    const result: unknown = await Reflect.apply(fn, undefined, [input]);
    return result;
  };
}

function trpcRequest(name: string, type: "query" | "mutation", input: unknown): Request {
  const encoded = JSON.stringify(superjson.serialize(input));
  if (type === "query") return new Request(`${ORIGIN}/api/trpc/${name}?input=${encodeURIComponent(encoded)}`);
  return new Request(`${ORIGIN}/api/trpc/${name}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: encoded,
  });
}

interface ErrorBody {
  error: {
    json: { message: string; code: number; data: Record<string, unknown> & { code: string; httpStatus: number } };
  };
}

/** The error of a tRPC response; a success reads as an error-less shape, so a test can say so. */
async function readError(res: Response): Promise<ErrorBody["error"]["json"]> {
  const body = (await res.json()) as Partial<ErrorBody>;
  return (
    body.error?.json ?? {
      message: "(no error: the call succeeded)",
      code: 0,
      data: { code: "", httpStatus: res.status },
    }
  );
}

const NUL_MESSAGE = "Contains a NUL character (U+0000), which is not allowed in text.";
const SURROGATE_MESSAGE = "Contains an unpaired UTF-16 surrogate, which is not valid Unicode text.";

afterEach(() => {
  vi.restoreAllMocks();
});

it("finds the string fields of every procedure with an input (the walk itself works)", () => {
  expect(procedures.length).toBeGreaterThan(25);
  const byName = new Map(procedures.map((p) => [p.name, p.paths.map(formatInputPath)]));
  expect(byName.get("views.save")).toEqual(expect.arrayContaining(["table", "name", "query"]));
  expect(byName.get("actions.bulkSetPaused")).toEqual(expect.arrayContaining(["reason", "target.ids[0]"]));
  expect(cases.length).toBeGreaterThan(60);
});

describeEachDb("tRPC bad input and server errors", (get) => {
  const handle = (req: Request) =>
    handleTRPCRequest(req, () => Promise.resolve(createTRPCContext(get().db, staff(), ORIGIN)));

  it("refuses a NUL or a lone surrogate in every string field of every procedure: 400 naming the field (caller)", async () => {
    const failures: string[] = [];
    for (const c of cases) {
      for (const [bad, expected] of [
        ["a\u0000b", NUL_MESSAGE],
        ["a\ud800b", SURROGATE_MESSAGE],
      ] as const) {
        const call = callerProcedure(callerAs(get().db, staff()), c.name);
        const outcome = await call(inputWith(c.at, bad)).then(
          () => "accepted",
          (e: unknown) => (e instanceof Error ? `${(e as { code?: string }).code} ${e.message}` : String(e)),
        );
        const want = `BAD_REQUEST Invalid input: ${formatInputPath(c.at)} — ${expected}`;
        if (outcome !== want) failures.push(`${c.name} ${formatInputPath(c.at)}: ${outcome.slice(0, 200)}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it("refuses a NUL in every string field of every procedure over HTTP: 400, the field named, the issue in data", async () => {
    const failures: string[] = [];
    for (const c of cases) {
      const res = await handle(trpcRequest(c.name, c.type, inputWith(c.at, "x\u0000")));
      const body = await readError(res);
      const field = formatInputPath(c.at);
      const ok =
        res.status === 400 &&
        body.message === `Invalid input: ${field} — ${NUL_MESSAGE}` &&
        JSON.stringify(body.data.zodError).includes(c.at.join("."));
      if (!ok) failures.push(`${c.name} ${field}: ${res.status} ${body.message.slice(0, 200)}`);
    }
    expect(failures).toEqual([]);
  });

  it("refuses a NUL in an unknown key of every procedure, with or without an input schema", async () => {
    const failures: string[] = [];
    for (const p of procedures) {
      const res = await handle(trpcRequest(p.name, p.type, { extra: "\u0000" }));
      const body = await readError(res);
      if (res.status !== 400 || !body.message.startsWith("Invalid input: extra — "))
        failures.push(`${p.name}: ${res.status} ${body.message}`);
    }
    expect(failures).toEqual([]);
  });

  it("answers a schema failure with one sentence naming the fields; the issues stay in data.zodError", async () => {
    const res = await handle(trpcRequest("connections.list", "query", { status: ["bogus"], limit: 1000 }));
    expect(res.status).toBe(400);
    const body = await readError(res);
    expect(body.message).not.toContain("\n");
    expect(body.message).toMatch(/^Invalid input: status\[0\] — Invalid option: expected one of .*; limit — .+\.$/);
    expect(body.data.zodError).toMatchObject({
      fieldErrors: { "status.0": [expect.any(String)], limit: [expect.any(String)] },
    });
    expect(body.data).not.toHaveProperty("stack");
    // The server caller reads the same.
    await expect(callerAs(get().db, staff()).connections.list({ status: ["bogus" as "active"] })).rejects.toThrow(
      /^Invalid input: status\[0\] — Invalid option/,
    );
  });

  it("says a missing saved view does not exist in one sentence", async () => {
    await expect(callerAs(get().db, staff()).views.remove({ id: "view_missing" })).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: "That saved view does not exist.",
    });
  });

  it("answers a GET whose URL is too long with 414 and what to do; the same query as POST works", async () => {
    const q = "x".repeat(150);
    const long = { q, tags: Array.from({ length: 120 }, (_, i) => `tag-${i}-${q.slice(0, 100)}`) };
    const req = trpcRequest("connections.list", "query", long);
    expect(Buffer.byteLength(req.url)).toBeGreaterThan(MAX_GET_URL_BYTES);
    const res = await handle(req);
    expect(res.status).toBe(414);
    expect(res.headers.get("content-type")).toContain("application/json");
    expect((await readError(res)).message).toMatch(/shorter filter, or send the query as POST/);

    // A batch gets one error per call, in place, so the client can show it.
    const encoded = JSON.stringify({ 0: superjson.serialize(long), 1: superjson.serialize({}) });
    const batch = await handle(
      new Request(`${ORIGIN}/api/trpc/connections.list,me.get?batch=1&input=${encodeURIComponent(encoded)}`),
    );
    expect(batch.status).toBe(414);
    expect(((await batch.json()) as unknown[]).length).toBe(2);

    const post = await handle(
      new Request(`${ORIGIN}/api/trpc/connections.list`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(superjson.serialize({ q: "nothing-matches-this" })),
      }),
    );
    expect(post.status).toBe(200);
  });

  it("answers a server error with the request id only; the log holds the driver's detail under that id", async () => {
    const t = get();
    const broken =
      t.kind === "postgres"
        ? createDb({
            kind: "postgres",
            url: process.env.TEST_DATABASE_URL ?? "",
            schema: "no_such_schema",
            poolSize: 1,
          })
        : createDb({ kind: "sqlite", url: path.join(mkdtempSync(path.join(tmpdir(), "broken-")), "empty.db") });
    const logged = vi.spyOn(log, "error").mockImplementation(() => undefined);
    try {
      const res = await handleTRPCRequest(trpcRequest("connections.list", "query", {}), () =>
        Promise.resolve(createTRPCContext(broken, staff(), ORIGIN)),
      );
      expect(res.status).toBe(500);
      const text = await res.text();
      expect(text).not.toMatch(/no such table|does not exist|relation|sqlite|postgres|\bat \w/i);
      const body = (JSON.parse(text) as ErrorBody).error.json;
      const requestId = res.headers.get("x-request-id");
      expect(requestId).toMatch(/^[A-Za-z0-9_-]{16}$/);
      expect(body.message).toBe(`Internal error (request id ${requestId}).`);
      expect(body.data.requestId).toBe(requestId);
      expect(body.data).not.toHaveProperty("stack");
      expect(logged).toHaveBeenCalledTimes(1);
      const fields = logged.mock.calls[0]?.[0] as { requestId?: string; err?: Error } | undefined;
      expect(fields?.requestId).toBe(requestId);
      expect(fields?.err?.message).toMatch(/no such table|does not exist/);
    } finally {
      await broken.destroy();
    }
  });
});

it("never uses a client's X-Request-Id as the id; a safe one is logged beside ours", async () => {
  const broken = createDb({ kind: "sqlite", url: path.join(mkdtempSync(path.join(tmpdir(), "broken-")), "e.db") });
  const logged = vi.spyOn(log, "error").mockImplementation(() => undefined);
  try {
    const req = trpcRequest("connections.list", "query", {});
    req.headers.set("x-request-id", "client-trace-1");
    const res = await handleTRPCRequest(req, () => Promise.resolve(createTRPCContext(broken, staff(), ORIGIN)));
    expect(res.headers.get("x-request-id")).not.toBe("client-trace-1");
    expect(logged.mock.calls[0]?.[0]).toMatchObject({ clientRequestId: "client-trace-1" });
  } finally {
    await broken.destroy();
  }
});
