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
      const row = `| ${kind} | ${format} | ${fmt(first.rate)} | ${fmt(again.rate)} | ${fmt(edited.rate)} | ${fmt(map)} |`;
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

Targets: ≥ 20,000 records/s on SQLite and ≥ 10,000 on PostgreSQL for batches of 1,000: **not
reached** on this machine. Where the time goes (CPU profiles, \`node --cpu-prof\`, same load):

- Adapters ("map only"): about 40–150 µs of CPU per record here after this round (was 120–470 µs;
  the plain export now reuses the import trace instead of a JSON round trip, the safety walk
  builds paths only when it finds a problem, key sets, key spellings and path segments are built
  once, dates skip needless \`Date\` objects). The export-and-diff that makes round trips lossless
  is the largest remaining part.
- New or changed rows on SQLite, measured with raw better-sqlite3 on the same schema: ~20 µs per
  row for the bare table, ~75 µs with the list's 20 indexes, ~240–340 µs with the list's
  triggers too (FTS5 trigram search row + facet-count upsert per insert; an update that sets a
  searched column rewrites the search row). The triggers also make every statement keep a
  statement journal, which spills to a temp *file* under the default \`temp_store\`; \`PRAGMA
  temp_store = MEMORY\` cut that run from ~340 to ~240 µs/row (not applied: db/ is not ingest's).
  The bulk upsert is one cached multi-row statement per 400 rows (no query-builder work per
  chunk); one \`IN (…)\` lookup per 500 existing rows; runs and errors in bulk.
- An unchanged record writes nothing: mapping, one batched lookup, comparison.

Unified/schema records also pay an AES-GCM encryption of their credentials when they change.
The machine was shared with other builds and benchmarks (load average above); figures there vary
by ±30 % run to run, so compare columns within one run rather than with the targets.
${END}`;
const file = path.resolve("docs/BENCHMARKS.md");
const current = existsSync(file) ? readFileSync(file, "utf8") : "# Benchmarks\n";
const next =
  current.includes(START) && current.includes(END)
    ? current.slice(0, current.indexOf(START)) + section + current.slice(current.indexOf(END) + END.length)
    : `${current.trimEnd()}\n\n${section}\n`;
writeFileSync(file, next);
console.log(`docs/BENCHMARKS.md: Ingest section updated`);
