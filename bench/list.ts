// npm run bench:list [-- sqlite|postgres|sqlite,postgres]: the connections list over a
// million rows. Medians and p95 over repeated runs for first and deep pages of every sort,
// each filter, combined filters, search, facet counts, and tRPC end to end vs the raw query.
import { mkdirSync, writeFileSync } from "node:fs";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import type { DbKind, DB } from "../db";
import { userFor } from "../server/test/callers";
import { createTRPCContext } from "../server/trpc";
import { TenantScope } from "../server/scope/tenant-scope";
import { connectionFacets } from "../server/connections/list/facets";
import type { ConnectionFilters } from "../server/connections/list/filters.types";
import { encodeCursor } from "../server/pagination/cursor";
import { cursorValue } from "../server/connections/list/keyset";
import { connectionListQuery, listConnections } from "../server/connections/list/list-connections";
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
}

async function measure(fn: () => Promise<number>): Promise<{ median: number; p95: number; rows: number }> {
  let rows = 0;
  for (let i = 0; i < WARMUP; i++) rows = await fn();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)] ?? NaN;
  return { median: at(0.5), p95: at(0.95), rows };
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

async function trpcPage(db: DB, input: ListConnectionsRequest): Promise<number> {
  const url = `http://bench/api/trpc/connections.list?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
  const res = await fetchRequestHandler({
    endpoint: "/api/trpc",
    req: new Request(url),
    router: appRouter,
    createContext: () => createTRPCContext(db, user, "http://bench"),
  });
  const body: { result?: { data?: { json?: { rows?: unknown[] } } } } = await res.json();
  return body.result?.data?.json?.rows?.length ?? -1;
}

async function benchDb(kind: DbKind): Promise<Result[]> {
  const db = await openBenchDb(kind);
  const out: Result[] = [];
  const only = process.env.BENCH_ONLY?.split(",");
  const run = async (group: string, name: string, fn: () => Promise<number>) => {
    if (only && !only.includes(group)) return;
    const r = await measure(fn);
    out.push({ db: kind, group, name, ...r });
    console.log(
      `${kind.padEnd(8)} ${group.padEnd(8)} ${name.padEnd(44)} median ${r.median.toFixed(2).padStart(8)} ms  p95 ${r.p95.toFixed(2).padStart(8)} ms  rows ${r.rows}`,
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
  await run("search", `rare term (an external xref)`, page(db, { q: rare }));
  await run("search", "rare term, sorted by name", page(db, { q: rare, sort: "name", dir: "asc" }));
  await run("search", "common term (`acme`)", page(db, { q: "acme" }));
  await run("search", "common term (`xero`)", page(db, { q: "xero" }));

  const facets = (f: ConnectionFilters) => async () =>
    (await connectionFacets(TenantScope.forUser(db, user), f, BENCH_NOW)).total;
  await run("facets", "no filters (summary, exact)", facets({}));
  await run("facets", "status + provider (summary, exact)", facets({ status: ["error"], provider: ["xero", "plaid"] }));
  await run("facets", "rare search (rows, exact)", facets({ q: rare }));
  await run("facets", "common search (rows, capped)", facets({ q: "xero" }));
  await run("facets", "date filter (rows, capped)", facets({ lastSyncOlderThanDays: 30 }));

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
