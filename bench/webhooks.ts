// npm run bench:webhooks [-- sqlite|postgres|sqlite,postgres]: the outbox end to end, against a
// real HTTP receiver on loopback. Latency: one pause or resume at a time (each committed through
// the same domain function as the console), the time from its commit to the signed webhook's
// arrival, with the delivery worker running as in the app. Throughput: a backlog of events
// (bulk pause, then bulk resume, of every connection), drained by one worker (and by three
// instances on PostgreSQL); deliveries per second from the worker's start to the last arrival.
// Writes the Webhooks section of docs/BENCHMARKS.md between its markers.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { createDb, type DB, type DbKind } from "../db";
import { migrateToLatest } from "../db/migrate";
import { ZBulkSetPausedRequestSchema } from "../server/actions/bulk-pause.types";
import { bulkSetPaused } from "../server/actions/bulk-set-paused";
import { setConnectionPaused } from "../server/actions/set-paused";
import type { SessionUser } from "../server/auth/session-user";
import { seedDemo } from "../server/demo-data/seed-demo";
import { TenantScope } from "../server/scope/tenant-scope";
import { createWebhookEndpoint } from "../server/webhooks/create-endpoint";
import { startOutboxWorker, type OutboxWorker } from "../server/webhooks/outbox-worker";
import { startReceiver, type Receiver } from "../server/webhooks/testing/receiver";

const CONNECTIONS = Number(process.env.BENCH_WEBHOOK_CONNECTIONS ?? 1000);
const LATENCY_SAMPLES = Number(process.env.BENCH_WEBHOOK_SAMPLES ?? 200);
const PG_URL =
  process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const kinds = (process.argv[2] ?? "sqlite,postgres").split(",") as DbKind[];
const WRITE_DOCS = process.env.BENCH_WEBHOOK_DOCS !== "0";

const support: SessionUser = {
  id: "usr_bench",
  email: "bench@console.test",
  name: "bench",
  role: "support",
  tenantId: null,
  tenantName: null,
};

async function open(kind: DbKind): Promise<{ db: DB; url: string; drop: () => Promise<void> }> {
  if (kind === "sqlite") {
    const dir = mkdtempSync(path.join(tmpdir(), "bench-webhooks-"));
    const url = path.join(dir, "webhooks.db");
    const db = createDb({ kind, url });
    return { db, url, drop: async () => (await db.destroy(), rmSync(dir, { recursive: true, force: true })) };
  }
  const admin = async (q: string) => {
    const c = new pg.Client({ connectionString: PG_URL });
    await c.connect();
    await c.query(q);
    await c.end();
  };
  await admin("DROP DATABASE IF EXISTS bench_webhooks");
  await admin("CREATE DATABASE bench_webhooks");
  const url = new URL(PG_URL);
  url.pathname = "/bench_webhooks";
  const db = createDb({ kind, url: url.toString(), poolSize: 6 });
  return {
    db,
    url: url.toString(),
    drop: async () => (await db.destroy(), await admin("DROP DATABASE bench_webhooks")),
  };
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;
const keyOf = (body: string) => {
  const c = (JSON.parse(body) as { data: { connection: { id: string; version: number } } }).data.connection;
  return `${c.id}:${c.version}`;
};

/** Commit → arrival, one change at a time, the worker polling as in the app. */
async function latency(db: DB, receiver: Receiver): Promise<number[]> {
  const scope = TenantScope.forUser(db, support);
  const rows = await db
    .selectFrom("connections")
    .select(["id", "version", "user_paused"])
    .orderBy("id")
    .limit(LATENCY_SAMPLES)
    .execute();
  const committed = new Map<string, number>();
  const arrived = new Map<string, number>();
  receiver.respond = (request) => {
    arrived.set(keyOf(request.body), request.at);
    return { status: 200 };
  };
  const worker = startOutboxWorker(db, { allowPrivate: true });
  try {
    for (const row of rows) {
      const result = await setConnectionPaused(scope, {
        id: row.id,
        expectedVersion: row.version,
        paused: row.user_paused === 0,
        reason: "bench",
      });
      committed.set(`${row.id}:${result.connection.version}`, performance.now());
      // Changes spread out, not a burst: each one waits for an idle worker.
      await new Promise((r) => setTimeout(r, 25 + Math.random() * 25));
    }
    const deadline = performance.now() + 30_000;
    while (arrived.size < committed.size && performance.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  } finally {
    await worker.stop();
  }
  const samples = [...committed].flatMap(([key, at]) => {
    const got = arrived.get(key);
    return got === undefined ? [] : [got - at];
  });
  if (samples.length !== committed.size) throw new Error(`${committed.size - samples.length} webhooks never arrived`);
  return samples.sort((a, b) => a - b);
}

/** A backlog of events, then `instances` workers draining it; deliveries per second. */
async function throughput(db: DB, kind: DbKind, url: string, receiver: Receiver, instances: number) {
  const scope = TenantScope.forUser(db, support);
  let n = 0;
  for (const action of ["pause", "resume"] as const) {
    let cursor: string | null = null;
    do {
      const query = ZBulkSetPausedRequestSchema.parse({
        action,
        reason: "bench",
        target: { kind: "filter", filters: {} },
        batchSize: 500,
        cursor,
      });
      const step = await bulkSetPaused(scope, query);
      n += step.changed;
      cursor = step.nextCursor;
    } while (cursor);
  }
  let received = 0;
  let last = 0;
  receiver.respond = (request) => {
    received++;
    last = request.at;
    return { status: 200 };
  };
  const dbs = [db, ...Array.from({ length: instances - 1 }, () => createDb({ kind, url, poolSize: 6 }))];
  const started = performance.now();
  const workers: OutboxWorker[] = dbs.map((d) => startOutboxWorker(d, { allowPrivate: true, idleMs: 20 }));
  try {
    const deadline = started + 600_000;
    while (received < n && performance.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  } finally {
    await Promise.all(workers.map((w) => w.stop()));
    await Promise.all(dbs.slice(1).map((d) => d.destroy()));
  }
  if (received < n) throw new Error(`only ${received} of ${n} deliveries arrived`);
  return { n, perSecond: n / ((last - started) / 1000) };
}

const LOAD_START = loadavg()[0]?.toFixed(1);
const rows: string[] = [];
const fmt = (n: number) => Math.round(n).toLocaleString("en");
for (const kind of kinds) {
  let handle;
  try {
    handle = await open(kind);
  } catch (error) {
    console.log(`${kind}: skipped (${error instanceof Error ? error.message : String(error)})`);
    continue;
  }
  const { db, url, drop } = handle;
  const receiver = await startReceiver();
  try {
    await migrateToLatest(db);
    await seedDemo(db, { connections: CONNECTIONS, seed: 3 });
    await createWebhookEndpoint(TenantScope.forUser(db, support), {
      url: `${receiver.url}/bench`,
      events: ["connection.paused", "connection.resumed"],
    });
    const lat = await latency(db, receiver);
    const one = await throughput(db, kind, url, receiver, 1);
    const row = [
      kind,
      `${fmt(percentile(lat, 0.5))} ms`,
      `${fmt(percentile(lat, 0.95))} ms`,
      `${fmt(lat.at(-1) ?? NaN)} ms`,
      `${fmt(one.perSecond)} (${fmt(one.n)} events)`,
    ];
    if (kind === "postgres") {
      const three = await throughput(db, kind, url, receiver, 3);
      row.push(`${fmt(three.perSecond)} (${fmt(three.n)} events)`);
    } else row.push("— (one process)");
    console.log(`| ${row.join(" | ")} |`);
    rows.push(`| ${row.join(" | ")} |`);
  } finally {
    await receiver.close();
    await drop();
  }
}

if (!WRITE_DOCS || rows.length === 0) process.exit(0);
const START = "<!-- bench:webhooks:start -->";
const END = "<!-- bench:webhooks:end -->";
const section = `${START}
## Webhooks

\`npm run bench:webhooks\` — the outbox end to end on ${CONNECTIONS.toLocaleString("en")} demo connections, one platform-wide endpoint on a loopback HTTP receiver answering 200 at once. **Latency**: ${LATENCY_SAMPLES} pauses/resumes one at a time, 25–50 ms apart, each committed through \`setConnectionPaused\`; time from the commit to the signed webhook's arrival, with the worker as the app runs it (polls every 100 ms when idle). **Throughput**: a backlog of up to ${fmt(2 * CONNECTIONS)} events (bulk pause then bulk resume of every connection; the table says how many), drained from the worker's start to the last arrival (sequencing, fan-out, claim, sign, POST, record: everything). Measured ${new Date().toISOString().slice(0, 16)}Z on ${cpus().length} × ${cpus()[0]?.model ?? "CPU"}, load average ${LOAD_START} at the start and ${loadavg()[0]?.toFixed(1)} at the end.

| db | latency p50 | p95 | max | deliveries/s, 1 worker | deliveries/s, 3 instances |
|---|---|---|---|---|---|
${rows.join("\n")}

Latency is mostly the idle poll (100 ms): a change waits on average half of it for the next pass.
A worker keeps up to 32 deliveries in flight; each costs a share of one claim statement (up to 32
rows at once) and one statement to record its result; a connection's deliveries go one at a time,
in order. The machine was shared with other engineers' builds and tests (load average above, on 2
cores): there a bare keep-alive HTTP round trip on loopback took 6–13 ms, and a CPU profile of the
worker draining a backlog showed its process idle three quarters of the time, waiting to run. These
figures measure that machine as much as the outbox; compare within a run.
${END}`;
const file = path.resolve("docs/BENCHMARKS.md");
const current = existsSync(file) ? readFileSync(file, "utf8") : "# Benchmarks\n";
const next =
  current.includes(START) && current.includes(END)
    ? current.slice(0, current.indexOf(START)) + section + current.slice(current.indexOf(END) + END.length)
    : `${current.trimEnd()}\n\n${section}\n`;
writeFileSync(file, next);
console.log("docs/BENCHMARKS.md: Webhooks section updated");
