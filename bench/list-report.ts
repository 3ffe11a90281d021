// Renders bench/out/list-results-*.json (from bench/list.ts) as the markdown table in
// docs/BENCHMARKS.md: one row per measurement, SQLite and PostgreSQL side by side.
import { readdirSync, readFileSync } from "node:fs";

interface Result {
  db: string;
  group: string;
  name: string;
  median: number;
  p95: number;
  rows: number;
  note?: string;
}
const files = readdirSync("bench/out").filter((f) => /^list-results-.*\.json$/.test(f));
const results: Result[] = files.flatMap(
  (f) => (JSON.parse(readFileSync(`bench/out/${f}`, "utf8")) as { results: Result[] }).results,
);
const keys = [...new Map(results.map((r) => [`${r.group}|${r.name}`, r])).values()];
const fmt = (r: Result | undefined) => (r ? `${r.median.toFixed(1)} / ${r.p95.toFixed(1)}` : "—");
console.log(
  "| group | measurement | SQLite median / p95 ms | PostgreSQL median / p95 ms | rows | SQLite plan / PostgreSQL plan |",
);
console.log("|---|---|---|---|---|---|");
for (const k of keys) {
  const s = results.find((r) => r.db === "sqlite" && r.group === k.group && r.name === k.name);
  const p = results.find((r) => r.db === "postgres" && r.group === k.group && r.name === k.name);
  const notes = [s?.note, p?.note].filter(Boolean).join(" / ");
  console.log(`| ${k.group} | ${k.name} | ${fmt(s)} | ${fmt(p)} | ${s?.rows ?? p?.rows ?? ""} | ${notes} |`);
}
