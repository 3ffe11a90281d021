// Bad input, generated: fast-check inputs for every procedure (from its input schema as JSON
// Schema: shaped values with known ids, the same with one hostile part, anything at all, and raw
// bodies that are not superjson) sent through the real tRPC HTTP handler as every role, and
// hostile requests to the ingest API. Properties: no response is a 5xx, and every 4xx carries one
// readable sentence (server/security/readable-message.ts).
//
// The REST API v1 gets the same treatment from its route table (path, query and body schemas).
//
// Sizes: SECURITY_FUZZ_TOTAL generated inputs per run (default 10,400), split evenly over the
// databases under test and 70/15/15 between tRPC, ingest and REST; FC_SEED reproduces a run (each
// summary line prints its seed).
import { writeFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import superjson from "superjson";
import { expect, it } from "vitest";
import { z } from "zod";
import type { DB } from "../../db";
import { loadFixture } from "../adapters/fixtures/load-fixture";
import type { SessionUser } from "../auth/session-user";
import { handleIngestRequest } from "../ingest/http-ingest";
import { callerAs, staff } from "../test/callers";
import { describeEachDb, testKinds } from "../test/databases";
import { API_KEY_SCOPES } from "../../lib/api-key-scopes";
import { REST_ROUTES } from "../rest/routes";
import { printFigures } from "./figures";
import { restAs } from "./rest-http";
import { unreadableReason } from "./readable-message";
import { hostileInputs, hostileValue, mutate, NASTY_STRINGS, type JsonSchema } from "./schema-arbitrary";
import { ROLE_USERS, seedSecurityFixture, type SecurityFixture } from "./security-fixture";
import { ORIGIN, rawTrpcRequest, routerProcedures, sendAs, type ProcedureInfo } from "./trpc-http";
import { propertySeed } from "../test/property-seed";

const PER_DATABASE = Math.ceil(Number(process.env.SECURITY_FUZZ_TOTAL ?? 10_400) / testKinds.length);
const INGEST_RUNS = Math.round(PER_DATABASE * 0.15);
const REST_RUNS = Math.round(PER_DATABASE * 0.15);
const TRPC_RUNS = PER_DATABASE - INGEST_RUNS - REST_RUNS;
const MALFORMED_RUNS = 100;
// A fixed seed by default (server/test/property-seed.ts); FC_SEED=random or a number explores.
const SEED = propertySeed(892044608);
const CONCURRENCY = 4;

let fixture: SecurityFixture | undefined;
const f = () => {
  if (!fixture) throw new Error("fixture not seeded");
  return fixture;
};

/** Ids that exist, so generated calls reach the database and not only the schema. */
const knownIds = (x: SecurityFixture): string[] => [
  ...x.own.connectionIds,
  ...x.foreign.connectionIds,
  ...x.own.runIds.slice(0, 2),
  ...x.own.errorIds.slice(0, 2),
  ...x.foreign.errorIds.slice(0, 1),
  x.own.linkId,
  x.foreign.linkId,
  x.own.batchId,
  x.foreign.batchId,
  x.own.tenantId,
  x.foreign.tenantId,
  x.foreignView.id,
  x.own.apiKey.id,
  "connections",
];

function inputSchema(proc: ProcedureInfo): JsonSchema | null {
  const schema = proc.inputs.find((s): s is z.ZodType => s instanceof z.ZodType);
  return schema ? z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) : null;
}

const roleArb = fc.oneof(
  { weight: 6, arbitrary: fc.constant(ROLE_USERS.support) },
  { weight: 3, arbitrary: fc.constant(ROLE_USERS["tenant admin"]) },
  { weight: 2, arbitrary: fc.constant(ROLE_USERS.viewer) },
  { weight: 1, arbitrary: fc.constant(ROLE_USERS["signed out"]) },
);

/** JSON as a plain client would write it: BigInts as numbers' text, Maps and Sets as `{}`. */
const plainJson = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) => (typeof v === "bigint" ? v.toString() : v)) ?? "null";

/** superjson's encoding; it refuses to encode some keys ("prototype"), which then go as plain JSON. */
function superjsonText(input: unknown): string {
  try {
    return JSON.stringify(superjson.serialize(input));
  } catch {
    return plainJson({ json: input });
  }
}

/** What goes on the wire: the input as the client encodes it (superjson), or as plain JSON. */
const wireBody = (input: unknown): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 9, arbitrary: fc.constant(superjsonText(input)) },
    { weight: 1, arbitrary: fc.constant(plainJson({ json: input })) },
    { weight: 1, arbitrary: fc.constant(plainJson(input)) },
  );

/** A body no client would send: cut short or with junk, not JSON at all, or superjson meta that lies. */
const malformedBody = (input: unknown): fc.Arbitrary<string> =>
  fc.oneof(
    fc.tuple(fc.nat(), fc.constantFrom("", "{", "]", '"', "\\", "\u0000", "%")).map(([cut, junk]) => {
      const text = superjsonText(input);
      return text.slice(0, cut % text.length) + junk;
    }),
    fc.constantFrom(
      "{",
      "'; drop table connections; --",
      "%_\\%",
      "<script>alert(1)</script>",
      "../../etc/passwd",
      "NaN",
    ),
    fc.constantFrom(
      '{"json":{"a":"x"},"meta":{"values":{"a":["bigint"]}}}',
      '{"json":{"a":"x"},"meta":{"values":{"a":["Date"]}}}',
      '{"json":{"a":1},"meta":{"values":{"a":["class","Nope"]}}}',
    ),
  );

interface Problem {
  where: string;
  status: number;
  why: string;
  sample: string;
}

async function inPool<T>(items: T[], run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < items.length) await run(items[next++] as T);
    }),
  );
}

/** `message` with the client's own text, quoted back whole or clipped (`"abc…"`), as a placeholder. */
function withoutEchoes(message: string, echoes: string[]): string {
  let out = message;
  for (const echo of echoes) {
    if (echo.length === 0) continue;
    out = out.replaceAll(echo, "X");
    const head = JSON.stringify(echo).slice(0, 12);
    const at = out.indexOf(head);
    const quoted = at < 0 ? null : /^"(?:[^"\\]|\\.)*"/.exec(out.slice(at));
    if (quoted) out = `${out.slice(0, at)}"X"${out.slice(at + quoted[0].length)}`;
  }
  return out;
}

/**
 * A 5xx is a problem; so is a 4xx without one readable sentence. `echoes`: what the client sent
 * that the message may quote back (an id in the path), judged as a placeholder, not as the server's words.
 */
function judge(status: number, message: unknown, where: string, sample: string, echoes: string[] = []): Problem | null {
  if (status >= 500) return { where, status, why: `status ${status}: ${String(message)}`, sample };
  if (status >= 400) {
    const text = typeof message === "string" ? withoutEchoes(message, echoes) : message;
    const why = unreadableReason(text);
    if (why) return { where, status, why: `${why}: ${String(message).slice(0, 200)}`, sample };
  }
  return null;
}

interface Findings {
  tried: number;
  problems: Problem[];
  statuses: Map<number, number>;
}

async function fuzzTrpc(db: DB, runs: number, body: (input: unknown) => fc.Arbitrary<string>): Promise<Findings> {
  const procedures = routerProcedures();
  const perProcedure = Math.ceil(runs / procedures.length);
  const hints = knownIds(f());
  const problems: Problem[] = [];
  const statuses = new Map<number, number>();
  let tried = 0;
  for (const [index, proc] of procedures.entries()) {
    const schema = inputSchema(proc);
    const cases = fc.sample(
      fc
        .tuple(roleArb, hostileInputs(schema, hints))
        .chain(([user, input]) => fc.tuple(fc.constant(user), fc.constant(input), body(input), fc.boolean())),
      { numRuns: perProcedure, seed: SEED + index },
    );
    await inPool(cases, async ([user, , wire, asPost]: [SessionUser | null, unknown, string, boolean]) => {
      // Queries go as GET like the client's, as POST when long or sometimes (method override).
      const type = proc.type === "query" && !asPost && wire.length < 6000 ? "query" : "mutation";
      const out = await sendAs(db, user, rawTrpcRequest(proc.path, type, wire));
      tried++;
      statuses.set(out.status, (statuses.get(out.status) ?? 0) + 1);
      const problem = judge(out.status, out.message ?? out.text, proc.path, wire.slice(0, 300));
      if (problem) problems.push(problem);
    });
  }
  return { tried, problems, statuses };
}

const FORMAT_FIXTURES: Record<string, () => unknown> = {
  codat: () => loadFixture("vendor/codat-connection-example-6.json"),
  unified: () => loadFixture("constructed/unified-connection-full.json"),
  dto: () => loadFixture("constructed/workiva-connection-full.json"),
  schema: () => loadFixture("vendor/schema-connection-example-1.json"),
};
const RUN_FIXTURE = () => (loadFixture("vendor/workiva-connectionrun-example-1.json") as { body: unknown }).body;
const ERROR_FIXTURE = () => ({
  connectionId: "plat-con_sec_acme_1",
  statusCode: "401",
  erroredOnUtc: "2026-11-01T00:00:00Z",
});

async function fuzzIngest(db: DB, runs: number): Promise<Findings> {
  const support = callerAs(db, staff());
  const keys: Record<string, string[]> = {};
  const platforms = { codat: "codat", unified: "unified", dto: "workiva", schema: "generic" } as const;
  for (const [format, platform] of Object.entries(platforms)) {
    keys[format] = [
      (await support.apiKeys.create({ name: `fuzz ${format}`, platform, tenantId: null })).key,
      (await support.apiKeys.create({ name: `fuzz ${format} acme`, platform, tenantId: f().own.tenantId })).key,
    ];
  }
  const record = (kind: string, format: string): fc.Arbitrary<unknown> => {
    const base =
      kind === "runs"
        ? RUN_FIXTURE()
        : kind === "errors"
          ? ERROR_FIXTURE()
          : (FORMAT_FIXTURES[format] ?? FORMAT_FIXTURES.codat)?.();
    return fc.oneof(
      { weight: 2, arbitrary: fc.constant(base) },
      {
        weight: 6,
        arbitrary: fc
          .tuple(fc.nat(), hostileValue, fc.boolean(), fc.nat(), hostileValue)
          .map(([p1, v1, remove, p2, v2]) => mutate(mutate(base, p1, v1, remove), p2, v2, false)),
      },
      { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
    );
  };
  const request = fc
    .tuple(
      fc.constantFrom("connections", "connections", "connections", "runs", "errors", "widgets"),
      fc.constantFrom("codat", "unified", "dto", "schema", "xml"),
      fc.nat(),
    )
    .chain(([kind, format, keyPick]) =>
      fc.record({
        kind: fc.constant(kind),
        format: fc.constant(format),
        query: fc.constantFrom(`format=${format}`, `format=${format}&tenant=acme`, `format=${format}&tenant=nope`, ""),
        auth: fc.oneof(
          { weight: 10, arbitrary: fc.constant(`Bearer ${keys[format]?.[keyPick % 2] ?? "cck_none"}`) },
          { weight: 1, arbitrary: fc.constantFrom("", "Bearer", "Bearer K K", "Basic abc", "Bearer cck_forged") },
        ),
        contentType: fc.constantFrom("application/json", "application/json", "application/x-ndjson", "text/csv", ""),
        body: fc.oneof(
          {
            weight: 6,
            arbitrary: fc.array(record(kind, format), { minLength: 1, maxLength: 3 }).map((r) => plainJson(r)),
          },
          {
            weight: 2,
            arbitrary: fc
              .array(record(kind, format), { minLength: 1, maxLength: 3 })
              .map((r) => r.map((x) => plainJson(x)).join("\n")),
          },
          {
            weight: 2,
            arbitrary: fc
              .tuple(record(kind, format), fc.nat(), fc.constantFrom("", "}", "[", ",", '"', "\u0000", "\ud800"))
              .map(([r, cut, junk]) => {
                const text = plainJson([r]);
                return text.slice(0, cut % (text.length + 1)) + junk;
              }),
          },
          { weight: 1, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
        ),
      }),
    );
  const cases = fc.sample(request, { numRuns: runs, seed: SEED + 1000 });
  const problems: Problem[] = [];
  const statuses = new Map<number, number>();
  let tried = 0;
  await inPool(cases, async (c) => {
    const headers: Record<string, string> = {};
    if (c.auth) headers.authorization = c.auth;
    if (c.contentType) headers["content-type"] = c.contentType;
    // A throw here is what the route would answer with a 500.
    let response: Response;
    try {
      response = await handleIngestRequest(
        db,
        new Request(`${ORIGIN}/api/ingest/${c.kind}?${c.query}`, { method: "POST", headers, body: c.body }),
        c.kind,
      );
    } catch (error) {
      tried++;
      statuses.set(500, (statuses.get(500) ?? 0) + 1);
      const why = `threw ${error instanceof Error ? error.message : String(error)}`.slice(0, 300);
      problems.push({ where: `ingest ${c.kind} ${c.query}`, status: 500, why, sample: c.body.slice(0, 1500) });
      return;
    }
    tried++;
    statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
    const text = await response.text();
    let body: { error?: unknown; results?: { issues?: { reason?: unknown }[] }[] } = {};
    try {
      body = JSON.parse(text) as typeof body;
    } catch {
      problems.push({
        where: `ingest ${c.kind}`,
        status: response.status,
        why: "not JSON",
        sample: text.slice(0, 200),
      });
      return;
    }
    const where = `ingest ${c.kind} ${c.query}`;
    const problem = judge(response.status, body.error, where, c.body.slice(0, 300));
    if (problem) problems.push(problem);
    // A rejected record's reason is read by people too.
    for (const issue of (body.results ?? []).flatMap((r) => r.issues ?? [])) {
      const reason =
        typeof issue.reason === "string"
          ? `${issue.reason.charAt(0).toUpperCase()}${issue.reason.slice(1)}.`
          : issue.reason;
      const why = unreadableReason(reason);
      if (why)
        problems.push({
          where: `${where} (record issue)`,
          status: response.status,
          why: `${why}: ${String(issue.reason)}`,
          sample: c.body.slice(0, 300),
        });
    }
  });
  return { tried, problems, statuses };
}

const jsonSchemaOf = (schema: z.ZodType | null): JsonSchema | null =>
  schema ? z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) : null;

/** A path segment; a lone surrogate cannot be UTF-8, so it goes as the invalid bytes a client could send. */
function pathSegment(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return "%ED%A0%80";
  }
}

/** A generated value as URL text: strings as they are, anything else as JSON. */
const urlText = (value: unknown): string => (typeof value === "string" ? value : plainJson(value));

async function fuzzRest(db: DB, runs: number): Promise<Findings> {
  const support = callerAs(db, staff());
  const every = (
    await support.apiKeys.create({
      name: "fuzz REST",
      platform: "codat",
      tenantId: f().own.tenantId,
      scopes: [...API_KEY_SCOPES],
    })
  ).key;
  const platformWide = (
    await support.apiKeys.create({
      name: "fuzz REST all",
      platform: "codat",
      tenantId: null,
      scopes: [...API_KEY_SCOPES],
    })
  ).key;
  const hints = knownIds(f());
  const perRoute = Math.ceil(runs / REST_ROUTES.length);
  const problems: Problem[] = [];
  const statuses = new Map<number, number>();
  let tried = 0;
  for (const [index, route] of REST_ROUTES.entries()) {
    const request = fc.record({
      params: hostileInputs(jsonSchemaOf(route.params), hints),
      query: hostileInputs(jsonSchemaOf(route.query), hints),
      // Well-formed JSON (a body that is not JSON is the test below), or none at all.
      body: fc.oneof(
        { weight: 8, arbitrary: hostileInputs(jsonSchemaOf(route.body), hints).map(plainJson) },
        { weight: 1, arbitrary: fc.constantFrom("", "[".repeat(40) + "]".repeat(40)) },
      ),
      key: fc.constantFrom(every, every, every, platformWide, "cck_forged", ""),
      method: fc.constantFrom(route.method, route.method, route.method, route.method, "PUT", "DELETE"),
    });
    const cases = fc.sample(request, { numRuns: perRoute, seed: SEED + 2000 + index });
    await inPool(cases, async (c) => {
      const params = c.params && typeof c.params === "object" ? (c.params as Record<string, unknown>) : {};
      const path = route.path.replace(/\{(\w+)\}/g, (_m, name: string) => pathSegment(urlText(params[name] ?? name)));
      const search = new URLSearchParams();
      if (c.query && typeof c.query === "object")
        for (const [name, value] of Object.entries(c.query))
          for (const v of Array.isArray(value) ? value : [value]) search.append(name, urlText(v));
      const hasBody = c.method !== "GET";
      const out = await restAs(
        c.key || null,
        c.method,
        { path: `${path}${search.size ? `?${search}` : ""}` },
        hasBody ? c.body : undefined,
      );
      tried++;
      statuses.set(out.status, (statuses.get(out.status) ?? 0) + 1);
      let detail: unknown = out.text;
      try {
        detail = (JSON.parse(out.text) as { detail?: unknown }).detail;
      } catch {
        // not JSON: judged as it is
      }
      const problem = judge(
        out.status,
        out.status >= 400 ? detail : null,
        `${route.method} ${route.path}`,
        `${c.method} ${path}?${search} ${c.body.slice(0, 200)}`,
        Object.values(params).map(urlText),
      );
      if (problem) problems.push(problem);
    });
  }
  return { tried, problems, statuses };
}

/** SECURITY_FUZZ_DUMP=dir writes each run's problems in full, to reproduce one. */
function dump(name: string, kind: string, problems: Problem[]): void {
  const dir = process.env.SECURITY_FUZZ_DUMP;
  if (dir) writeFileSync(path.join(dir, `${name}-${kind}.json`), JSON.stringify(problems, null, 1));
}

const describeStatuses = (statuses: Map<number, number>) =>
  [...statuses.entries()]
    .sort(([a], [b]) => a - b)
    .map(([s, n]) => `${s}×${n}`)
    .join(" ");

describeEachDb(
  "bad input, generated",
  (get) => {
    it("every procedure's input schema through the tRPC HTTP handler: no 5xx, every 4xx one readable sentence", async () => {
      const { db, kind } = get();
      const { tried, problems, statuses } = await fuzzTrpc(db, TRPC_RUNS, wireBody);
      dump("trpc", kind, problems);
      printFigures("bad input: tRPC", kind, tried, problems.length, `seed ${SEED}; ${describeStatuses(statuses)}`);
      expect(tried).toBeGreaterThanOrEqual(TRPC_RUNS);
      expect(problems.slice(0, 15)).toEqual([]);
    }, 300_000);

    it("the ingest API: no 5xx, every 4xx and every rejected record's reason readable", async () => {
      const { db, kind } = get();
      const { tried, problems, statuses } = await fuzzIngest(db, INGEST_RUNS);
      dump("ingest", kind, problems);
      printFigures(
        "bad input: ingest API",
        kind,
        tried,
        problems.length,
        `seed ${SEED}; ${describeStatuses(statuses)}`,
      );
      expect(tried).toBe(INGEST_RUNS);
      expect(problems.slice(0, 15)).toEqual([]);
    }, 300_000);

    it("the REST API v1: no 5xx, every 4xx a problem with one readable sentence", async () => {
      const { db, kind } = get();
      globalThis.consoleDb = db;
      const { tried, problems, statuses } = await fuzzRest(db, REST_RUNS);
      dump("rest", kind, problems);
      printFigures("bad input: REST v1", kind, tried, problems.length, `seed ${SEED}; ${describeStatuses(statuses)}`);
      expect(tried).toBeGreaterThanOrEqual(REST_RUNS);
      expect(problems.slice(0, 15)).toEqual([]);
    }, 300_000);

    it("a NUL under a key named `constructor` is a 400 over HTTP, not a 500", async () => {
      // Found by the generated tRPC run (seed 890149679): the input guard refuses it correctly, but
      // the error's data.zodError.fieldErrors then has a key `constructor`, which superjson refuses
      // to serialise ("prototype pollution risk"), so the answer becomes a 500 (server/trpc.ts).
      const { db } = get();
      const body = '{"json":{"linkId":"x","constructor":"\\u0000"}}';
      const out = await sendAs(db, ROLE_USERS.support, rawTrpcRequest("relink.revoke", "mutation", body));
      expect(out.status).toBe(400);
      expect(out.message).toMatch(/^Invalid input: constructor — Contains a NUL character/);
    });

    it("a rejected ingest record's reason stays short when the value is long", async () => {
      // Found by the generated ingest run (seed 890149679): a 5,000-character erroredOnUtc came back
      // whole inside the reason ("\"bbbb…\" is not …"). A reason names the problem, and at most a
      // clipped part of the value.
      const { db } = get();
      const { key } = await callerAs(db, staff()).apiKeys.create({
        name: "long values",
        platform: "codat",
        tenantId: f().own.tenantId,
      });
      const response = await handleIngestRequest(
        db,
        new Request(`${ORIGIN}/api/ingest/errors?format=codat`, {
          method: "POST",
          headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
          body: JSON.stringify([{ connectionId: f().own.platformIds[0], erroredOnUtc: "b".repeat(3000) }]),
        }),
        "errors",
      );
      const body = (await response.json()) as { results: { issues?: { path: string; reason: string }[] }[] };
      const reasons = body.results.flatMap((r) => (r.issues ?? []).map((i) => i.reason));
      expect(reasons.length).toBeGreaterThan(0);
      expect(reasons.map((r) => r.length).filter((n) => n > 300)).toEqual([]);
    });

    it("REST query parameters named like Object.prototype's members get a 400, not a 500", async () => {
      // Found by the generated REST run (seed 888092990): `?valueOf=1` answered 500. The query
      // reader (server/rest/query-params.ts) looks the name up in the schema's shape, a plain
      // object, where `valueOf`, `constructor`, `toString`, `__proto__` are found on the prototype.
      const { db } = get();
      globalThis.consoleDb = db;
      const { key } = await callerAs(db, staff()).apiKeys.create({
        name: "prototype names",
        platform: "codat",
        tenantId: null,
        scopes: [...API_KEY_SCOPES],
      });
      const statuses: Record<string, number> = {};
      for (const name of ["valueOf", "constructor", "toString", "__proto__", "hasOwnProperty"])
        statuses[name] = (await restAs(key, "GET", { path: `/connections?${name}=1` })).status;
      expect(statuses).toEqual({ valueOf: 400, constructor: 400, toString: 400, __proto__: 400, hasOwnProperty: 400 });
    });

    it("a body that is not JSON (tRPC and REST) is refused without quoting it: a secret in it stays out of the answer", async () => {
      // JSON.parse's message quotes the text around the error ("Unexpected token 'z', "zzsecret…"
      // is not valid JSON"). tRPC passes it through as the message; the REST API appends it
      // to "The body is not valid JSON: " (server/rest/handle-rest-request.ts). The ingest API
      // reports position and kind only (issue 10, item 9); the same rule holds for every door.
      const { db } = get();
      globalThis.consoleDb = db;
      // A token pasted where JSON belongs, bare or as a value: V8 quotes it, whole or cut short.
      const secret = f().marker;
      const fragment = secret.slice(0, 10);
      const trpc = await sendAs(db, ROLE_USERS.support, rawTrpcRequest("actions.pauseConnection", "mutation", secret));
      const { key } = await callerAs(db, staff()).apiKeys.create({
        name: "broken body",
        platform: "codat",
        tenantId: null,
        scopes: [...API_KEY_SCOPES],
      });
      const rest = await restAs(
        key,
        "POST",
        { path: `/connections/${f().own.connectionIds[0]}/pause` },
        `{"reason":"x","note":${secret}}`,
      );
      expect([trpc.status, rest.status]).toEqual([400, 400]);
      expect.soft(trpc.text).not.toContain(fragment);
      expect.soft(rest.text).not.toContain(fragment);
    });

    it("a tRPC body or ?input= that is not JSON or superjson: 400 with one readable sentence, not the parser's words", async () => {
      // tRPC passes the JSON parser's (or superjson's) own message through: "Unexpected token '%',
      // "%" is not valid JSON", "Unterminated string in JSON at position 32", "Cannot convert x to a
      // BigInt" — echoing part of the body, NULs included. The console's message formatter
      // (server/trpc.ts) should say what is wrong in its own words.
      const { db, kind } = get();
      const { tried, problems, statuses } = await fuzzTrpc(db, MALFORMED_RUNS, malformedBody);
      dump("malformed", kind, problems);
      printFigures(
        "bad input: malformed tRPC bodies",
        kind,
        tried,
        problems.length,
        `seed ${SEED}; ${describeStatuses(statuses)}`,
      );
      expect(problems.filter((p) => p.status >= 500)).toEqual([]);
      expect(problems.slice(0, 5)).toEqual([]);
    }, 120_000);

    it("an input of the wrong type at the top reads as one sentence, without a repeated prefix", async () => {
      // Today: "Invalid input: Invalid input: expected object, received undefined." (zod's root
      // message under server/input/describe-issues.ts's own prefix).
      const { db } = get();
      const out = await sendAs(db, ROLE_USERS.support, rawTrpcRequest("connections.byId", "query", '{"json":"x"}'));
      expect(out.status).toBe(400);
      expect(out.message).not.toMatch(/Invalid input: Invalid input/);
      expect(unreadableReason(out.message)).toBeNull();
    });
  },
  async (t) => {
    fixture = await seedSecurityFixture(t.db);
  },
);
