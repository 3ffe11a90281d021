// npm run bench:load [-- --duration 30 --connections 20,50 --db sqlite,postgres --no-docs]
// Throughput under concurrent load: autocannon against `npm start` (the production build) on the
// list bench's seeded database (bench/list-db.ts: BENCH_ROWS connections, default here 100,000;
// BENCH_ROWS=1000000 for the issue's million), signed in as support. Each target runs for
// --duration seconds at each connection count: the no-op procedure (`me.get`: session decoding,
// tRPC, superjson and nothing else, the floor every request pays), the plain first page and three
// filtered lists through tRPC exactly as the browser asks for them, and three whole pages
// (the list, a connection's detail, home). Writes the "Load" section of docs/BENCHMARKS.md.
import autocannon from "autocannon";
import { sql } from "kysely";
import superjson from "superjson";
import type { DbKind } from "../db";
import type { ListConnectionsRequest } from "../server/connections/list/list.types";
import { listRequestFromUrlState, loadListUrlState } from "../lib/list-url-state";
import { load, machine, serve, writeSection } from "./serve";

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
}
const DURATION = Number(arg("duration", "30"));
const CONNECTIONS = arg("connections", "20,50").split(",").map(Number);
const KINDS = arg("db", "sqlite,postgres").split(",") as DbKind[];
const WRITE_DOCS = !process.argv.includes("--no-docs");
/** only the targets whose name starts with one of these (comma-separated), for a quick look */
const ONLY = arg("only", "").split(",").filter(Boolean);
process.env.BENCH_ROWS ??= "100000";
// After BENCH_ROWS is settled: list-db reads it when it loads.
const { BENCH_ROWS, PG_SCHEMA, PG_URL, SQLITE_FILE, openBenchDb } = await import("./list-db");

const list = (query: Record<string, string>): ListConnectionsRequest =>
  listRequestFromUrlState(loadListUrlState(query));
const trpc = (path: string, input: unknown) =>
  `/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify(superjson.serialize(input)))}`;

interface Target {
  name: string;
  path: string;
}

async function targets(kind: DbKind): Promise<Target[]> {
  const db = await openBenchDb(kind);
  // A connection from the middle of the table for the detail page.
  const { id } = await db
    .selectFrom("connections")
    .select("id")
    .orderBy("id")
    .offset(Math.floor(BENCH_ROWS / 2))
    .limit(1)
    .executeTakeFirstOrThrow();
  if (kind === "postgres") await sql`VACUUM ANALYZE connections`.execute(db);
  await db.destroy();
  return [
    { name: "no-op (`me.get`)", path: "/api/trpc/me.get" },
    { name: "plain first page (tRPC `connections.list`)", path: trpc("connections.list", list({})) },
    {
      name: "status error + platform codat, by name",
      path: trpc("connections.list", list({ status: "error", platform: "codat", sort: "name", dir: "asc" })),
    },
    {
      name: "search `acme`, by name descending",
      path: trpc("connections.list", list({ q: "acme", sort: "name", dir: "desc" })),
    },
    {
      name: "provider xero + active errors + created 2026, by last sync",
      path: trpc(
        "connections.list",
        list({ provider: "xero", errors: "true", from: "2026-01-01", to: "2026-12-31", sort: "last_sync_at" }),
      ),
    },
    { name: "/connections page (HTML)", path: "/connections" },
    { name: "detail page (HTML)", path: `/connections/${id}` },
    { name: "home page (HTML)", path: "/" },
  ];
}

interface Row {
  kind: DbKind;
  target: string;
  connections: number;
  rps: number;
  /** the server's CPU time per answered request */
  cpuPerRequest: number;
  p50: number;
  p99: number;
  errors: number;
  load: string;
}

const rows: Row[] = [];
const loads: string[] = [];
for (const kind of KINDS) {
  const list = (await targets(kind)).filter((t) => ONLY.length === 0 || ONLY.some((o) => t.name.startsWith(o)));
  const served = await serve({
    CONSOLE_ENV: "demo",
    CONSOLE_DATA_DIR: "bench/out/load",
    ...(kind === "sqlite"
      ? { SQLITE_PATH: SQLITE_FILE, DATABASE_URL: "" }
      : // search_path through the URL: the app's own pool (server/database.ts) takes no schema.
        { DATABASE_URL: `${PG_URL}?options=${encodeURIComponent(`-c search_path=${PG_SCHEMA}`)}` }),
  });
  const startLoad = load();
  try {
    for (const target of list) {
      // Every target must answer 200 before it is timed: a sign-in page or an error is not a figure.
      const check = await fetch(served.origin + target.path, {
        headers: { cookie: served.cookie },
        redirect: "manual",
      });
      if (check.status !== 200) throw new Error(`${target.name}: HTTP ${check.status} ${await check.text()}`);
      for (const connections of CONNECTIONS) {
        const cpuBefore = served.cpuMs();
        const r = await autocannon({
          url: served.origin + target.path,
          connections,
          duration: DURATION,
          timeout: 30,
          headers: { cookie: served.cookie },
        });
        const row: Row = {
          kind,
          target: target.name,
          connections,
          rps: r.requests.average,
          cpuPerRequest: (served.cpuMs() - cpuBefore) / Math.max(1, r.requests.total),
          p50: r.latency.p50,
          p99: r.latency.p99,
          errors: r.errors + r.non2xx,
          load: load(),
        };
        rows.push(row);
        console.log(
          `${kind.padEnd(8)} ${target.name.padEnd(62)} c=${connections}  ${row.rps.toFixed(0).padStart(5)} req/s  ${row.cpuPerRequest.toFixed(1)} ms CPU/req  p50 ${row.p50} ms  p99 ${row.p99} ms  errors ${row.errors} (${r.timeouts} timeouts)  load ${row.load}`,
        );
      }
    }
  } finally {
    await served.stop();
  }
  loads.push(`${kind}: ${startLoad} at the start, ${load()} at the end`);
}

if (WRITE_DOCS && rows.length > 0) {
  const fmt = (n: number) => Math.round(n).toLocaleString("en");
  const floor = (kind: DbKind, c: number) =>
    rows.find((r) => r.kind === kind && r.connections === c && r.target.startsWith("no-op"))?.rps ?? NaN;
  const table = rows.map(
    (r) =>
      `| ${r.kind} | ${r.target} | ${r.connections} | ${fmt(r.rps)} | ${r.target.startsWith("no-op") ? "—" : `${Math.round((100 * r.rps) / floor(r.kind, r.connections))} %`} | ${r.cpuPerRequest.toFixed(1)} ms | ${fmt(r.p50)} ms | ${fmt(r.p99)} ms | ${r.errors} | ${r.load} |`,
  );
  writeSection(
    "load",
    `## Load

\`npm run bench:load\` (opt-in in \`npm run bench -- load\`) — autocannon ${DURATION} s per target and connection count against
\`npm start\` (production build, one Node process) on ${BENCH_ROWS.toLocaleString("en")} demo connections
(bench/list-db.ts: \`${SQLITE_FILE.replace(process.cwd() + "/", "")}\`, PostgreSQL schema \`${PG_SCHEMA}\`), signed in as support (all tenants).
Lists go through tRPC as the browser sends them (GET, superjson input); pages are the whole
server-rendered HTML. "of floor" is the rate as a share of the no-op procedure's at the same
connection count. Errors are connection errors, timeouts (30 s) and non-2xx answers. Measured
${new Date().toISOString().slice(0, 16)}Z on ${machine()}; load average (1 min) after each run in the last column;
${loads.join("; ")}. The load generator runs on the same 2 cores as the server.

Goals (issue 13): plain first page ≥ 90 % of the no-op floor; filtered lists ≥ 80 % of the plain page; no errors at 50 connections.

| db | target | connections | req/s | of floor | server CPU / request | p50 | p99 | errors | load avg |
|---|---|---|---|---|---|---|---|---|---|
${table.join("\n")}
`,
  );
}
