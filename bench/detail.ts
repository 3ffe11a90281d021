// npm run bench:detail — the connection detail page's server-side reads (the connection, the
// first page of runs, active and resolved errors, activity, and the default run diff: exactly
// what app/(console)/connections/[id]/page.tsx loads) through createCaller, on a connection with
// 200 runs and 50 errors inside a 1,000,000-connection database. Target: p95 ≤ 100 ms.
//
// Databases: the list bench's million-row SQLite file and PostgreSQL schema (bench/list-db.ts)
// when they are complete; the bench connection is added for the run and removed afterwards, so
// that database keeps exactly its row count. Without them, it seeds its own smaller SQLite file
// (BENCH_DETAIL_ROWS, default 100,000) and says so.
import { existsSync } from "node:fs";
import path from "node:path";
import { createDb, type DB, type DbKind } from "../db";
import { migrateToLatest } from "../db/migrate";
import { seedDemo } from "../server/demo-data/seed-demo";
import { insertRichConnection } from "../server/test/detail-fixture";
import { loadConnectionDetail } from "../server/connections/detail/load-detail";
import { callerAs, scopeAs, staff, userFor } from "../server/test/callers";
import { BENCH_NOW, BENCH_ROWS, PG_SCHEMA, PG_URL, SQLITE_FILE } from "./list-db";

const ID = "con_bench_detail";
const TENANT = "ten_acme";
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 300);
const PAGE = 20;

async function rows(db: DB): Promise<number> {
  const { n } = await db
    .selectFrom("connections")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return n;
}

async function listBenchDb(kind: DbKind): Promise<DB | null> {
  if (kind === "sqlite" && !existsSync(SQLITE_FILE)) return null;
  const db =
    kind === "sqlite"
      ? createDb({ kind, url: SQLITE_FILE })
      : createDb({ kind, url: PG_URL, schema: PG_SCHEMA, poolSize: 4 });
  try {
    if ((await rows(db)) >= BENCH_ROWS) return db;
  } catch {
    // schema missing or half-created: not ready
  }
  await db.destroy();
  return null;
}

async function ownSqlite(): Promise<DB> {
  const n = Number(process.env.BENCH_DETAIL_ROWS ?? 100_000);
  const db = createDb({ kind: "sqlite", url: path.resolve(`bench/out/detail-${n}.sqlite`) });
  await migrateToLatest(db);
  if ((await rows(db)) === 0) {
    console.log(`sqlite: seeding ${n} connections of its own (the list bench's database is not ready)…`);
    await seedDemo(db, { connections: n, seed: 2, now: BENCH_NOW });
  }
  return db;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

async function measure(label: string, fn: () => Promise<unknown>) {
  for (let i = 0; i < 20; i++) await fn(); // warm caches and statement preparation
  const times: number[] = [];
  for (let i = 0; i < ITERATIONS; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const [p50, p95, p99] = [50, 95, 99].map((p) => percentile(times, p).toFixed(1));
  console.log(
    `  ${label.padEnd(44)} p50 ${p50} ms   p95 ${p95} ms   p99 ${p99} ms   max ${times.at(-1)?.toFixed(1)} ms`,
  );
  return Number(p95);
}

async function bench(kind: DbKind, db: DB, source: string): Promise<boolean> {
  const total = await rows(db);
  await removeBenchConnection(db);
  await insertRichConnection(db, { id: ID, tenantId: TENANT, runs: 200, errors: 50, audits: 30, now: BENCH_NOW });
  try {
    console.log(
      `\n${kind} (${source}): ${total.toLocaleString("en")} connections + the bench connection (200 runs, 50 errors, 30 audit events), ${ITERATIONS} iterations`,
    );
    const support = callerAs(db, staff());
    const supportScope = scopeAs(db, staff());
    const adminScope = scopeAs(db, userFor("tenant_admin", TENANT, "Acme Corporation"));
    const data = await loadConnectionDetail(supportScope, ID, PAGE);
    if (!data || data.runs.total !== 200 || data.activeErrors.activeCount + data.resolvedErrors.resolvedCount !== 50)
      throw new Error("bench connection not as seeded");
    const p95s = [
      await measure("page load as support (all tenants)", () => loadConnectionDetail(supportScope, ID, PAGE)),
      await measure("page load as tenant admin (scoped)", () => loadConnectionDetail(adminScope, ID, PAGE)),
      await measure("runs page 10 of 10 (offset 180)", () =>
        support.detail.runs({ connectionId: ID, limit: PAGE, offset: 180 }),
      ),
      await measure("diff of two chosen runs", () =>
        support.detail.runDiff({ connectionId: ID, baseRunId: `run_${ID}_0003`, targetRunId: `run_${ID}_0150` }),
      ),
    ];
    const ok = p95s.every((p) => p <= 100);
    console.log(`  ${ok ? "PASS" : "FAIL"}: p95 ≤ 100 ms`);
    return ok;
  } finally {
    await removeBenchConnection(db);
  }
}

/** Leaves the shared database exactly as it was (its owner checks the row count). */
async function removeBenchConnection(db: DB) {
  await db.deleteFrom("audit_events").where("connection_id", "=", ID).execute();
  await db.deleteFrom("connection_runs").where("connection_id", "=", ID).execute();
  await db.deleteFrom("connection_errors").where("connection_id", "=", ID).execute();
  await db.deleteFrom("connections").where("id", "=", ID).execute();
}

let ok = true;
const kinds = (process.argv[2] ?? "sqlite,postgres").split(",") as DbKind[];
for (const kind of kinds) {
  const shared = await listBenchDb(kind);
  if (shared) {
    ok =
      (await bench(
        kind,
        shared,
        `list bench database ${kind === "sqlite" ? path.relative(process.cwd(), SQLITE_FILE) : PG_SCHEMA}`,
      )) && ok;
    await shared.destroy();
  } else if (kind === "sqlite") {
    const own = await ownSqlite();
    ok = (await bench(kind, own, "own smaller database: the million-row one is not ready")) && ok;
    await own.destroy();
  } else {
    console.log(
      `\n${kind}: skipped, the list bench's million-row schema ${PG_SCHEMA} is not ready (npm run bench:list seeds it)`,
    );
  }
}
process.exit(ok ? 0 : 1);
