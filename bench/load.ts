// npm run bench:load [-- --duration 30 --connections 20,50 --db sqlite,postgres --no-docs]
// Throughput under concurrent load: autocannon against `npm start` (the production build) on the
// list bench's seeded database (bench/list-db.ts: BENCH_ROWS connections, default here 100,000;
// BENCH_ROWS=1000000 for the issue's million), signed in as support. Each target runs for
// --duration seconds at each connection count: the no-op procedure (`me.get`: session decoding,
// tRPC, superjson and nothing else, the floor every request pays), the plain first page and three
// filtered lists through tRPC exactly as the browser asks for them, and three whole pages
// (the list, a connection's detail, home). Writes the "Load" section of docs/BENCHMARKS.md.
import { readFileSync, writeFileSync } from "node:fs";
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

const REPORT_ONLY = process.argv.includes("--report-only");
const RESULTS = "bench/out/load.json";
interface Results {
  at: string;
  duration: number;
  rows: Row[];
  loads: string[];
}
// --report-only: rewrite the docs section from the last run's results, without running again.
const results: Results = REPORT_ONLY
  ? (JSON.parse(readFileSync(RESULTS, "utf8")) as Results)
  : { at: new Date().toISOString(), duration: DURATION, rows: [], loads: [] };
const { rows, loads } = results;
for (const kind of REPORT_ONLY ? [] : KINDS) {
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

if (!REPORT_ONLY) writeFileSync(RESULTS, JSON.stringify(results, null, 2));

if (WRITE_DOCS && rows.length > 0) {
  const fmt = (n: number) => Math.round(n).toLocaleString("en");
  const floor = (kind: DbKind, c: number) =>
    rows.find((r) => r.kind === kind && r.connections === c && r.target.startsWith("no-op"))?.rps ?? NaN;
  const share = (pick: (target: string) => boolean) => {
    const shares = rows
      .filter((r) => pick(r.target))
      .map((r) => Math.round((100 * r.rps) / floor(r.kind, r.connections)));
    return shares.length ? `${Math.min(...shares)}–${Math.max(...shares)} %` : "—";
  };
  const fmtCpu = (kind: DbKind, target: string, c: number) => {
    const r = rows.find((x) => x.kind === kind && x.connections === c && x.target.startsWith(target));
    return r ? `${r.cpuPerRequest.toFixed(1)} ms` : "—";
  };
  const table = rows.map(
    (r) =>
      `| ${r.kind} | ${r.target} | ${r.connections} | ${fmt(r.rps)} | ${r.target.startsWith("no-op") ? "—" : `${Math.round((100 * r.rps) / floor(r.kind, r.connections))} %`} | ${r.rps > 0 ? `${r.cpuPerRequest.toFixed(1)} ms` : "—"} | ${r.rps > 0 ? `${fmt(r.p50)} ms` : "—"} | ${r.rps > 0 ? `${fmt(r.p99)} ms` : "—"} | ${r.errors}${r.rps > 0 ? "" : " (none answered within the run)"} | ${r.load} |`,
  );
  writeSection(
    "load",
    `## Load

\`npm run bench:load\` (opt-in in \`npm run bench -- load\`) — autocannon ${results.duration} s per target and connection count against
\`npm start\` (production build, one Node process) on ${BENCH_ROWS.toLocaleString("en")} demo connections
(bench/list-db.ts: \`${SQLITE_FILE.replace(process.cwd() + "/", "")}\`, PostgreSQL schema \`${PG_SCHEMA}\`), signed in as support (all tenants).
Lists go through tRPC as the browser sends them (GET, superjson input); pages are the whole
server-rendered HTML. "of floor" is the rate as a share of the no-op procedure's at the same
connection count. Errors are connection errors, timeouts (30 s) and non-2xx answers. Measured
${results.at.slice(0, 16)}Z on ${machine()}; load average (1 min) after each run in the last column;
${loads.join("; ")}. The load generator runs on the same 2 cores as the server.

Goals (issue 13): plain first page ≥ 90 % of the no-op floor; filtered lists ≥ 80 % of the plain page; no errors at 50 connections.

| db | target | connections | req/s | of floor | server CPU / request | p50 | p99 | errors | load avg |
|---|---|---|---|---|---|---|---|---|---|
${table.join("\n")}

**Read these with the load average beside them.** The run above shared its 2 cores with three other
engineers' builds and test suites (load average 15–25, i.e. 7–12 runnable processes per core) and ran
at \`nice 15\`: requests per second and latencies there measure the machine's queue more than the
console, and are not comparable with the issue's figures (257 req/s for the no-op on a quiet machine).
"Server CPU / request" (user + system time of the server's processes from /proc, divided by the
requests answered) is the steadier figure under such contention. The database is 100,000 connections,
not 1,000,000: seeding a million here would have taken 40–60 minutes (see Seeding), longer than this
round had (bench:list times the list's plans on 1,000,000). **Goals: not met here**: the plain list
reached ${share((t) => t.startsWith("plain"))} of the no-op's rate, the filtered lists ${share((t) => !t.startsWith("plain") && !t.startsWith("no-op") && !t.includes("(HTML)"))};
${rows.filter((r) => r.connections === 50).reduce((n, r) => n + r.errors, 0)} errors at 50 connections (a run that answered nothing is listed below).

**Where the no-op floor went.** A CPU profile of \`next start\` under \`me.get\` load put ~6 % of busy time
in HKDF alone; next-auth's \`getServerSession\` runs its whole handler per call: it builds the options,
decrypts the session JWE (an HKDF key derivation and AES-GCM), runs the callbacks, then derives again and
*encrypts a renewed cookie* that a server component or tRPC context cannot set. In isolation on this
machine: \`getServerSession\` 8.4 ms per call, a bare \`decode\` of the same cookie 1.6 ms. The session
user is now read by decrypting the cookie once (\`server/auth/session-cookie.ts\`, same cookie name and
chunking, same expiry check; tested against next-auth's own encode), and once per render rather than
once per asker (a page's layout, page and tRPC caller each asked). Measured with this bench, same
machine state (load average ~17–25), 20 connections on SQLite: the no-op's server CPU went from 12.2 ms
to ${fmtCpu("sqlite", "no-op", 20)} per request, the plain list's from 18.6 ms to ${fmtCpu("sqlite", "plain", 20)}. What remains per
request on the floor: Next's route handling and the proxy (CSP nonce; the proxy also decodes the session
on page requests), tRPC with superjson, and the one remaining JWE decryption.

A row with no rate answered nothing within the run: every request was still in flight when it ended
(timeout 30 s), none failed; at 50 connections the \`/connections\` page (list, facets and the shell,
rendered to about 225 kB of HTML, see First load) cost more CPU per request than the run could give 50 of them on a
machine this busy.

**An outlier to look into** (not done here): "provider xero + active errors + created 2026, by last sync"
costs ${fmtCpu("sqlite", "provider xero", 20)} of server CPU per request on SQLite (${fmtCpu("postgres", "provider xero", 20)} on PostgreSQL),
several times the other lists; bench:list does not time this combination of filters and sort.
`,
  );
}
