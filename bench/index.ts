// npm run bench: every benchmark in turn. Each prints its figures and updates docs/BENCHMARKS.md.
// `npm run bench -- load` (or any list of names) runs only those; `load` runs only when named:
// it keeps the machine saturated for minutes (8 targets × 2 connection counts × 30 s per database).
import { spawnSync } from "node:child_process";

const only = process.argv.slice(2);
const DEFAULT = ["list", "detail", "ingest", "home", "webhooks", "first-load"];
const OPT_IN = ["load"];
const suites = only.length === 0 ? DEFAULT : [...DEFAULT, ...OPT_IN].filter((s) => only.includes(s));
let failed = 0;
for (const suite of suites) {
  console.log(`\n=== bench:${suite} ===`);
  const run = spawnSync(process.execPath, ["--import", "tsx", `bench/${suite}.ts`], {
    stdio: "inherit",
    env: process.env,
  });
  if (run.status !== 0) {
    failed++;
    console.error(`bench:${suite} exited with ${run.status}`);
  }
}
process.exit(failed ? 1 : 0);
