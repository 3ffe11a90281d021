// npm run bench:ingest [-- sqlite|postgres|sqlite,postgres]: records per second through the
// shared ingest path (the one the API and the CLI use), batches of 1,000, for each format:
// a first import (all new), the same input again (all unchanged) and an edited copy (all
// updated). "map only" is the adapters alone, to show where the time goes. Writes the Ingest
// section of docs/BENCHMARKS.md between its markers.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { createDb, type DB, type DbKind } from "../db";
import { migrateToLatest } from "../db/migrate";
import { seedBase } from "../server/demo-data/seed-demo";
import { ADAPTERS, type AdapterFormat } from "../server/adapters";
import { loadFixture } from "../server/adapters/fixtures/load-fixture";
import { ingestRecords } from "../server/ingest/ingest";
import { readRecords } from "../server/ingest/read-records";
import { loadTenantDirectory } from "../server/ingest/resolve-tenant";

const N = Number(process.env.BENCH_INGEST_RECORDS ?? 10_000);
const PG_URL =
  process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const kinds = (process.argv[2] ?? "sqlite,postgres").split(",") as DbKind[];
// For profiling runs: a subset of formats, and no rewrite of docs/BENCHMARKS.md.
const ONLY = process.env.BENCH_INGEST_FORMATS?.split(",");
const WRITE_DOCS = process.env.BENCH_INGEST_DOCS !== "0";

const SAMPLES: Record<AdapterFormat, { file: string; id: string; edit: string }> = {
  unified: { file: "constructed/unified-connection-full.json", id: "id", edit: "external_xref" },
  codat: { file: "vendor/codat-connection-example-3.json", id: "id", edit: "platformName" },
  dto: { file: "constructed/workiva-connection-full.json", id: "connectionId", edit: "description" },
  schema: { file: "vendor/schema-connection-example-1.json", id: "id", edit: "name" },
};

function ndjson(format: AdapterFormat, edited: boolean): string {
  const { file, id, edit } = SAMPLES[format];
  const base = loadFixture(file) as Record<string, unknown>;
  const lines: string[] = [];
  for (let i = 0; i < N; i++)
    lines.push(JSON.stringify({ ...base, [id]: `bench-${format}-${i}`, ...(edited ? { [edit]: `edited ${i}` } : {}) }));
  return lines.join("\n");
}

async function open(kind: DbKind): Promise<{ db: DB; drop: () => Promise<void> }> {
  if (kind === "sqlite") {
    const dir = mkdtempSync(path.join(tmpdir(), "bench-ingest-"));
    const db = createDb({ kind, url: path.join(dir, "ingest.db") });
    return { db, drop: async () => (await db.destroy(), rmSync(dir, { recursive: true, force: true })) };
  }
  // A database of its own: Kysely's migrator would mistake another schema's migration
  // tables (other benchmarks) for ours.
  const admin = async (q: string) => {
    const c = new pg.Client({ connectionString: PG_URL });
    await c.connect();
    await c.query(q);
    await c.end();
  };
  await admin("DROP DATABASE IF EXISTS bench_ingest");
  await admin("CREATE DATABASE bench_ingest");
  const url = new URL(PG_URL);
  url.pathname = "/bench_ingest";
  const db = createDb({ kind, url: url.toString(), poolSize: 4 });
  return { db, drop: async () => (await db.destroy(), await admin("DROP DATABASE bench_ingest")) };
}

async function timeImport(
  db: DB,
  format: AdapterFormat,
  text: string,
  tenant: Awaited<ReturnType<typeof loadTenantDirectory>>,
) {
  const started = performance.now();
  const chunks = text.match(/[\s\S]{1,1048576}/g) ?? [];
  const report = await ingestRecords(
    db,
    readRecords(chunks, "connections", format),
    {
      kind: "connections",
      format,
      actor: { id: "cli", label: "bench" },
      tenant: tenant.find("acme"),
      tenantIsScope: false,
      batchSize: 1000,
    },
    { keep: "rejected" },
  );
  const seconds = (performance.now() - started) / 1000;
  if (report.counts.rejected > 0)
    throw new Error(`${format}: ${report.counts.rejected} rejected: ${JSON.stringify(report.results[0])}`);
  return { rate: N / seconds, counts: report.counts };
}

function mapOnly(format: AdapterFormat, text: string): number {
  const records = text.split("\n").map((l) => JSON.parse(l) as unknown);
  const started = performance.now();
  for (const record of records)
    ADAPTERS[format].map(record, { tenantTimeZone: "America/New_York", now: new Date().toISOString() });
  return records.length / ((performance.now() - started) / 1000);
}

// The previous round's figures (new, same again, edited, map only), measured 2026-12-02T13:09Z
// before the per-batch upkeep of derived data (load average 0.4 at the start, 5.5 at the end),
// shown as "before → after" until the next round replaces them.
const BEFORE: Record<string, [number, number, number, number]> = {
  "sqlite:unified": [1232, 3805, 1294, 13761],
  "sqlite:codat": [503, 3208, 741, 6751],
  "sqlite:dto": [567, 1171, 947, 5009],
  "sqlite:schema": [882, 3803, 713, 6622],
  "postgres:unified": [527, 1229, 440, 9511],
  "postgres:codat": [315, 4455, 1415, 19114],
  "postgres:dto": [1004, 2573, 1088, 2824],
  "postgres:schema": [539, 2921, 964, 19732],
};
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
  const { db, drop } = handle;
  try {
    await migrateToLatest(db);
    await seedBase(db, Date.now());
    const tenants = await loadTenantDirectory(db);
    for (const format of Object.keys(SAMPLES) as AdapterFormat[]) {
      if (ONLY && !ONLY.includes(format)) continue;
      const text = ndjson(format, false);
      const first = await timeImport(db, format, text, tenants);
      const again = await timeImport(db, format, text, tenants);
      const edited = await timeImport(db, format, ndjson(format, true), tenants);
      const map = mapOnly(format, text);
      if (again.counts.unchanged !== N || edited.counts.updated !== N) throw new Error(`${format}: unexpected counts`);
      const before = BEFORE[`${kind}:${format}`];
      const cell = (i: number, n: number) => (before ? `${fmt(before[i] ?? 0)} → ${fmt(n)}` : fmt(n));
      const row = `| ${kind} | ${format} | ${cell(0, first.rate)} | ${cell(1, again.rate)} | ${cell(2, edited.rate)} | ${cell(3, map)} |`;
      console.log(row);
      rows.push(row);
    }
  } finally {
    await drop();
  }
}

if (!WRITE_DOCS) process.exit(0);
const START = "<!-- bench:ingest:start -->";
const END = "<!-- bench:ingest:end -->";
const section = `${START}
## Ingest

\`npm run bench:ingest\` — ${N.toLocaleString("en")} records per format through \`server/ingest\` (the API's and the CLI's path), NDJSON, batches of 1,000, one transaction per batch, tenant acme. Records per second; "map only" is the adapter alone. Measured ${new Date().toISOString().slice(0, 16)}Z on ${cpus().length} × ${cpus()[0]?.model ?? "CPU"}, load average ${LOAD_START} at the start and ${loadavg()[0]?.toFixed(1)} at the end.

| db | format | new (accepted) | same again (unchanged) | edited (updated) | map only |
|---|---|---|---|---|---|
${rows.join("\n")}

Before → after: this round's changes (before: 2026-12-02T13:09Z, load average 0.4 → 5.5).
Ingest now keeps the connections' derived data per wave in set statements — search rows (SQLite
FTS5), facet counts, the home page's connection counts and time buckets — read as grouped counts
of the wave's rows before and after its upsert and applied as one multi-row upsert per summary;
the per-row triggers on connections skip rows while the ingest transaction has switched them off
(migration 0011: \`SET LOCAL app.defer_derived\` on PostgreSQL, a \`derived_deferred\` row on
SQLite) and stay on for every other writer. A property test compares every derived table with a
full rebuild after random batches. On SQLite the 400-row upsert is prepared once per connection.
The "after" column was measured with the machine otherwise idle (load average above, the bench's
own); the "before" at load 0.4 → 5.5, so compare the shape rather than single cells ("map only", which
this round did not touch, moved by up to 2.3× between the two runs). At load 15, with other agents'
builds running, the same code measured 124–479/s (SQLite) and 114–455/s (PostgreSQL).

Targets: ≥ 20,000 records/s on SQLite and ≥ 10,000 on PostgreSQL for batches of 1,000: **missed
by 14–20× on SQLite and 7–17× on PostgreSQL** for new records. Figures on this 2-core machine
vary by ±30 % run to run; compare columns within one run. Where the time
goes now (per-statement timings and CPU profiles, \`node --cpu-prof\`, new records):

- SQLite, codat (one error per record): the upsert ~130–310 µs per row of wall time (24 indexes
  on connections), the error inserts ~100–220 µs per error (the error-group summaries' per-row
  triggers, not deferred yet), each batch's commit 30–200 ms, mostly the WAL auto-checkpoint
  (with it off the same ten commits took 275 ms instead of 2,041 ms), the FTS5 bulk insert
  ~25–36 µs per row.
- SQLite, unified (no errors): ~400 µs of CPU per record: GC ~90, planning ~83 (AES-GCM of the
  credentials ~33), commit ~82, upsert ~77, mapping ~62, derived upkeep ~35.
- PostgreSQL, codat: the error inserts take ~60 % of the time (~3.9 ms per error at load 15: the
  error-group triggers run the regular-expression message shape in PL/pgSQL); the upsert ~0.8 ms
  per row.
- "map only" bounds each format: dto's adapter alone manages ~2,400–5,000/s here.
- An unchanged record writes nothing: mapping, one batched lookup, comparison.

Next: the error summaries per batch behind the same switch (the largest item for formats that
carry errors), the WAL checkpoint outside the batch, and on PostgreSQL named prepared statements.
${END}`;
const file = path.resolve("docs/BENCHMARKS.md");
const current = existsSync(file) ? readFileSync(file, "utf8") : "# Benchmarks\n";
const next =
  current.includes(START) && current.includes(END)
    ? current.slice(0, current.indexOf(START)) + section + current.slice(current.indexOf(END) + END.length)
    : `${current.trimEnd()}\n\n${section}\n`;
writeFileSync(file, next);
console.log(`docs/BENCHMARKS.md: Ingest section updated`);
