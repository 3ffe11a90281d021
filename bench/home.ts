// npm run bench:home [-- sqlite|postgres] — the home page's server-side read (home.summary: cards,
// the two charts' data, top error groups, recent activity) and the error groups page, on the
// list bench's 1,000,000-connection databases (bench/list-db.ts), as support (all tenants) and as
// a tenant admin. Target: p95 ≤ 100 ms. Everything is read from the trigger-maintained
// operations summaries (migration 0007); the bench also times the list opened on the top error
// group (the errorGroup filter) and one summary update (a pause) to show what triggers cost.
//
// The databases are migrated first (a database seeded before migration 0007 gets its summaries
// built by the migration, in set statements). Without a complete million-row database the bench
// seeds its own smaller SQLite file (BENCH_HOME_ROWS, default 100,000) and says so.
import { existsSync } from "node:fs";
import path from "node:path";
import { createDb, type DB, type DbKind } from "../db";
import { migrateToLatest } from "../db/migrate";
import { bulkSeedDemo } from "../server/demo-data/bulk-seed";
import { homeSummary } from "../server/home/home-summary";
import { listErrorGroups } from "../server/error-groups/list-error-groups";
import { callerAs, scopeAs, staff, userFor } from "../server/test/callers";
import { BENCH_NOW, BENCH_ROWS, PG_SCHEMA, PG_URL, SQLITE_FILE } from "./list-db";

const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 200);
const TENANT = "ten_acme";

async function rows(db: DB): Promise<number> {
  const { n } = await db
    .selectFrom("connections")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(n);
}

async function listBenchDb(kind: DbKind): Promise<DB | null> {
  if (kind === "sqlite" && !existsSync(SQLITE_FILE)) return null;
  const db =
    kind === "sqlite"
      ? createDb({ kind, url: SQLITE_FILE })
      : createDb({ kind, url: PG_URL, schema: PG_SCHEMA, poolSize: 10 }); // the app's default pool
  try {
    if ((await rows(db)) >= BENCH_ROWS) return db;
  } catch {
    // schema missing or half-created: not ready
  }
  await db.destroy();
  return null;
}

async function ownSqlite(): Promise<DB> {
  const n = Number(process.env.BENCH_HOME_ROWS ?? 100_000);
  const db = createDb({ kind: "sqlite", url: path.resolve(`bench/out/home-${n}.sqlite`) });
  await migrateToLatest(db);
  if ((await rows(db)) === 0) {
    console.log(`sqlite: seeding ${n} connections of its own (the list bench's database is not ready)…`);
    await bulkSeedDemo(db, { connections: n, seed: 5, now: BENCH_NOW });
  }
  return db;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

export interface Figure {
  label: string;
  p50: number;
  p95: number;
  p99: number;
}

async function measure(label: string, fn: () => Promise<unknown>, iterations = ITERATIONS): Promise<Figure> {
  for (let i = 0; i < 10; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const [p50, p95, p99] = [50, 95, 99].map((p) => Number(percentile(times, p).toFixed(1))) as [number, number, number];
  console.log(
    `  ${label.padEnd(52)} p50 ${p50} ms   p95 ${p95} ms   p99 ${p99} ms   max ${times.at(-1)?.toFixed(1)} ms`,
  );
  return { label, p50, p95, p99 };
}

async function bench(kind: DbKind, db: DB, source: string): Promise<boolean> {
  const started = Date.now();
  const applied = await migrateToLatest(db);
  if (applied.length)
    console.log(`${kind}: migrated (${applied.join(", ")}) in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  const total = await rows(db);
  console.log(`\n${kind} (${source}): ${total.toLocaleString("en")} connections, ${ITERATIONS} iterations`);
  const support = scopeAs(db, staff());
  const admin = scopeAs(db, userFor("tenant_admin", TENANT, "Acme Corporation"));
  const home = await homeSummary(support, { staleDays: 7 }, BENCH_NOW);
  if (home.total !== total) throw new Error(`home total ${home.total} ≠ ${total} rows: summaries out of date`);
  console.log(
    `  (support sees: ${home.needsRelink} need relink, ${home.withErrors} with errors, ${home.expiringSoon} expiring, ${home.stale} stale, ${home.topGroups.length} top groups)`,
  );
  const top = home.topGroups[0];
  const caller = callerAs(db, staff());
  const figures = [
    await measure("home summary as support (all tenants)", () => homeSummary(support, { staleDays: 7 }, BENCH_NOW)),
    await measure("home summary as tenant admin (acme)", () => homeSummary(admin, { staleDays: 7 }, BENCH_NOW)),
    await measure("home.summary through tRPC as support (now)", () => caller.home.summary({ staleDays: 7 })),
    await measure("error groups page as support", () => listErrorGroups(support, {}, BENCH_NOW)),
    await measure("error groups page as tenant admin", () => listErrorGroups(admin, {}, BENCH_NOW)),
  ];
  if (top) {
    figures.push(
      await measure(`list opened on the top group (${top.connections.toLocaleString("en")} connections)`, () =>
        caller.connections.list({ errorGroup: top.id, limit: 25 }),
      ),
    );
  }
  const target = await db
    .selectFrom("connections")
    .select(["id", "user_paused"])
    .where("tenant_id", "=", TENANT)
    .limit(1)
    .executeTakeFirstOrThrow();
  let flip = target.user_paused;
  figures.push(
    await measure(
      "one pause/resume UPDATE (facet + operations triggers)",
      async () => {
        flip = flip ? 0 : 1;
        await db.updateTable("connections").set({ user_paused: flip }).where("id", "=", target.id).execute();
      },
      50,
    ),
  );
  await db.updateTable("connections").set({ user_paused: target.user_paused }).where("id", "=", target.id).execute();
  const reads = figures.filter((f) => !f.label.startsWith("one pause"));
  const ok = reads.every((f) => f.p95 <= 100);
  console.log(`  ${ok ? "PASS" : "FAIL"}: p95 ≤ 100 ms for every read`);
  return ok;
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
