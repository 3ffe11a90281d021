// npm run bench:list [-- sqlite|postgres|sqlite,postgres]: the connections list over a
// million rows. Medians and p95 over repeated runs for first and deep pages of every sort,
// each filter, combined filters, search, facet counts, and tRPC end to end vs the raw query.
import { mkdirSync, writeFileSync } from "node:fs";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import type { DbKind, DB } from "../db";
import { userFor } from "../server/test/callers";
import { createTRPCContext } from "../server/trpc";
import { TenantScope } from "../server/scope/tenant-scope";
import { countFacets } from "../server/connections/list/facets";
import { FACET_SAMPLE_CAP } from "../server/connections/list/facets.types";
import type { ConnectionFilters } from "../server/connections/list/filters.types";
import { encodeCursor } from "../server/pagination/cursor";
import { cursorValue } from "../server/connections/list/keyset";
import { connectionListQuery, listConnections, readConnectionsPage } from "../server/connections/list/list-connections";
import {
  NULLABLE_SORT_COLUMNS,
  SORT_COLUMNS,
  type ListConnectionsRequest,
  type SortColumn,
} from "../server/connections/list/list.types";
import { ZListConnectionsRequestSchema } from "../server/connections/list/list.types";
import { appRouter } from "../server/routers";
import { BENCH_NOW, BENCH_ROWS, openBenchDb } from "./list-db";

const RUNS = Number(process.env.BENCH_RUNS ?? 40);
const WARMUP = 3;
// Page 10,000 at a million rows; proportionally shallower on a small trial database.
const DEEP_PAGE = Math.min(10_000, Math.max(2, Math.floor(BENCH_ROWS / 25 / 2)));
const user = userFor("support", null);

interface Result {
  db: DbKind;
  group: string;
  name: string;
  median: number;
  p95: number;
  rows: number;
  /** what the plan read (search, facets): rows read, partial page, exact or lower bounds */
  note?: string;
}

/** A measured call: its row count, or its row count and what it read. */
type Measured = number | { rows: number; note: string };

async function measure(
  fn: () => Promise<Measured>,
): Promise<{ median: number; p95: number; rows: number; note?: string }> {
  let rows = 0;
  let note: string | undefined;
  for (let i = 0; i < WARMUP; i++) {
    const r = await fn();
    rows = typeof r === "number" ? r : r.rows;
    note = typeof r === "number" ? undefined : r.note;
  }
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)] ?? NaN;
  return { median: at(0.5), p95: at(0.95), rows, note };
}

/**
 * A search page with what its plan read. `page: 2` reads the page after the first (from the
 * first page's next cursor, found once).
 */
function searchPage(db: DB, input: Partial<ListConnectionsRequest> & { page?: number }) {
  const { page: n = 1, ...rest } = input;
  let cursor: string | null | undefined;
  return async (): Promise<Measured> => {
    const scope = TenantScope.forUser(db, user);
    if (n === 2 && cursor === undefined)
      cursor = (await readConnectionsPage(scope, ZListConnectionsRequestSchema.parse(rest), BENCH_NOW)).page.nextCursor;
    const { page: res, trace } = await readConnectionsPage(
      scope,
      ZListConnectionsRequestSchema.parse({ ...rest, cursor: cursor ?? undefined }),
      BENCH_NOW,
    );
    const read = `${trace.walkRows} walked, ${trace.idRows} by id, ${trace.postings} postings`;
    return { rows: res.rows.length, note: `${trace.steps.join(" > ")}; ${read}${res.partial ? "; partial" : ""}` };
  };
}

const page = (db: DB, input: Partial<ListConnectionsRequest>) => async () =>
  (await listConnections(TenantScope.forUser(db, user), ZListConnectionsRequestSchema.parse(input), BENCH_NOW)).rows
    .length;

/** The cursor that starts page DEEP_PAGE (25 rows a page), found once with OFFSET. */
async function deepCursor(db: DB, sort: SortColumn, dir: "asc" | "desc"): Promise<string> {
  let q = db.selectFrom("connections").select([`connections.${sort} as v`, "connections.id"]);
  if (NULLABLE_SORT_COLUMNS.has(sort)) q = q.where(`connections.${sort}`, "is not", null);
  const row = await q
    .orderBy(`connections.${sort}`, dir)
    .orderBy("connections.id", dir)
    .offset((DEEP_PAGE - 1) * 25 - 1)
    .limit(1)
    .executeTakeFirstOrThrow();
  return encodeCursor({ v: cursorValue(row.v), id: row.id });
}

async function someXref(db: DB): Promise<string> {
  const row = await db
    .selectFrom("connections")
    .select("external_xref")
    .where("external_xref", "is not", null)
    .orderBy("id")
    .offset(123_457 % BENCH_ROWS)
    .limit(1)
    .executeTakeFirstOrThrow();
  return row.external_xref ?? "";
}

async function someId(db: DB): Promise<string> {
  const row = await db
    .selectFrom("connections")
    .select("id")
    .orderBy("id")
    .offset(654_321 % BENCH_ROWS)
    .limit(1)
    .executeTakeFirstOrThrow();
  return row.id;
}

async function trpcPage(db: DB, input: ListConnectionsRequest): Promise<number> {
  const url = `http://bench/api/trpc/connections.list?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
  const res = await fetchRequestHandler({
    endpoint: "/api/trpc",
    req: new Request(url),
    router: appRouter,
    createContext: () => createTRPCContext(db, user, "http://bench"),
  });
  const body = (await res.json()) as { result?: { data?: { json?: { rows?: unknown[] } } } };
  return body.result?.data?.json?.rows?.length ?? -1;
}

async function benchDb(kind: DbKind): Promise<Result[]> {
  const db = await openBenchDb(kind);
  const out: Result[] = [];
  const only = process.env.BENCH_ONLY?.split(",");
  const run = async (group: string, name: string, fn: () => Promise<Measured>) => {
    if (only && !only.includes(group)) return;
    const r = await measure(fn);
    out.push({ db: kind, group, name, ...r });
    console.log(
      `${kind.padEnd(8)} ${group.padEnd(8)} ${name.padEnd(44)} median ${r.median.toFixed(2).padStart(8)} ms  p95 ${r.p95.toFixed(2).padStart(8)} ms  rows ${r.rows}${r.note ? `  (${r.note})` : ""}`,
    );
  };

  for (const sort of SORT_COLUMNS) {
    for (const dir of ["desc", "asc"] as const) {
      await run("page", `first page, ${sort} ${dir}`, page(db, { sort, dir }));
      const cursor = only && !only.includes("page") ? "" : await deepCursor(db, sort, dir);
      await run("page", `page ${DEEP_PAGE}, ${sort} ${dir}`, page(db, { sort, dir, cursor }));
    }
  }
  await run("page", "last page (jump), updated_at desc", page(db, { direction: "last" }));
  await run("page", "100 rows, updated_at desc", page(db, { limit: 100 }));

  const day = (d: number) => new Date(BENCH_NOW + d * 86_400_000).toISOString().slice(0, 10);
  const filters: [string, ConnectionFilters][] = [
    ["status = error", { status: ["error"] }],
    ["needs relink", { needsRelink: true }],
    ["user-paused", { userPaused: true }],
    ["platform-paused", { platformPaused: true }],
    ["provider = xero", { provider: ["xero"] }],
    ["category = crm", { category: ["crm"] }],
    ["platform = workiva", { platform: ["workiva"] }],
    ["environment = sandbox", { environment: ["sandbox"] }],
    ["tenant = wayne", { tenant: ["ten_wayne"] }],
    ["has active errors", { hasActiveErrors: true }],
    ["auth expires within 7 days", { authExpiresWithinDays: 7 }],
    ["last sync older than 30 days", { lastSyncOlderThanDays: 30 }],
    ["created in a 30-day window", { createdFrom: day(-200), createdTo: day(-170) }],
    [
      "3 combined: status+provider+relink",
      { status: ["expired", "deauthorized"], provider: ["salesforce"], needsRelink: true },
    ],
    ["3 combined: platform+errors+env", { platform: ["unified"], hasActiveErrors: true, environment: ["production"] }],
  ];
  for (const [name, f] of filters) await run("filter", name, page(db, f));

  const rare = await someXref(db);
  const searches: [string, Partial<ListConnectionsRequest> & { page?: number }][] = [
    ["rare term (an external xref)", { q: rare }],
    ["rare term, sorted by name", { q: rare, sort: "name", dir: "asc" }],
    ["rare id fragment (6 hex digits)", { q: (await someId(db)).slice(-6) }],
    ["common term (`acme`)", { q: "acme" }],
    ["common term (`xero`)", { q: "xero" }],
    ["`acme` sorted by name descending (worst case before)", { q: "acme", sort: "name", dir: "desc" }],
    ["`acme` by name descending, next page", { q: "acme", sort: "name", dir: "desc", page: 2 }],
    ["`xero` sorted by provider ascending", { q: "xero", sort: "provider", dir: "asc" }],
    ["`acme` + status deauthorized, by name", { q: "acme", status: ["deauthorized"], sort: "name", dir: "asc" }],
    ["medium term (`wayne stripe`)", { q: "wayne stripe" }],
    ["two characters (`ex`)", { q: "ex" }],
    ["last page (jump) of `acme`", { q: "acme", direction: "last" }],
  ];
  for (const [name, input] of searches) await run("search", name, searchPage(db, input));

  const facets = (f: ConnectionFilters) => async () => {
    const { response, read } = await countFacets(TenantScope.forUser(db, user), f, BENCH_NOW, FACET_SAMPLE_CAP);
    const note = response.exact ? "exact" : `lower bounds, total ${response.totalExact ? "exact" : "capped"}`;
    return { rows: response.total, note: `${note}, ${read} rows read` };
  };
  const facetCases: [string, ConnectionFilters][] = [
    ["no filters", {}],
    ["status + provider", { status: ["error"], provider: ["xero", "plaid"] }],
    ["rare search", { q: rare }],
    ["common search (`xero`)", { q: "xero" }],
    ["common search + status", { q: "acme", status: ["deauthorized"] }],
    ["created in a 30-day window", { createdFrom: day(-200), createdTo: day(-170) }],
    ["created on one day", { createdFrom: day(-100), createdTo: day(-100) }],
    ["created in a 30-day window + status", { createdFrom: day(-200), createdTo: day(-170), status: ["error"] }],
    ["created over two years (past the marginals' 62 days)", { createdFrom: day(-730), createdTo: day(0) }],
    ["last sync older than 30 days", { lastSyncOlderThanDays: 30 }],
    ["auth expires within 7 days", { authExpiresWithinDays: 7 }],
    ["status + last sync older than 7 days", { status: ["error"], lastSyncOlderThanDays: 7 }],
    ["search + created window", { q: "acme", createdFrom: day(-200), createdTo: day(-170) }],
    [
      "tenant + provider + auth expires within 30 days",
      { tenant: ["ten_wayne"], provider: ["xero"], authExpiresWithinDays: 30 },
    ],
  ];
  for (const [name, f] of facetCases) await run("facets", name, facets(f));

  const input = ZListConnectionsRequestSchema.parse({});
  await run(
    "e2e",
    "raw Kysely query (first page)",
    async () =>
      (
        await connectionListQuery(TenantScope.forUser(db, user), {}, BENCH_NOW)
          .orderBy("connections.updated_at", "desc")
          .orderBy("connections.id", "desc")
          .limit(26)
          .execute()
      ).length,
  );
  await run("e2e", "tRPC HTTP handler (same page)", () => trpcPage(db, input));
  await run("e2e", "tRPC: search `acme` by name descending", () =>
    trpcPage(db, { q: "acme", sort: "name", dir: "desc" }),
  );
  await run("e2e", "tRPC: rare term", () => trpcPage(db, { q: rare }));
  await db.destroy();
  return out;
}

const kinds = (process.argv[2] ?? "sqlite,postgres").split(",") as DbKind[];
const results: Result[] = [];
for (const kind of kinds) results.push(...(await benchDb(kind)));
mkdirSync("bench/out", { recursive: true });
const suffix = process.env.BENCH_ONLY ? `-${process.env.BENCH_ONLY.replace(/,/g, "+")}` : "";
writeFileSync(
  `bench/out/list-results-${kinds.join("-")}${suffix}.json`,
  JSON.stringify({ rows: BENCH_ROWS, runs: RUNS, at: new Date().toISOString(), results }, null, 2),
);
console.log(`\nwrote bench/out/list-results-${kinds.join("-")}${suffix}.json`);
