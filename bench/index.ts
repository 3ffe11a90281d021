// npm run bench: every benchmark in turn. Each prints its figures and updates docs/BENCHMARKS.md.
import { spawnSync } from "node:child_process";

const only = process.argv.slice(2);
const suites = ["list", "detail", "ingest", "home", "webhooks"].filter((s) => only.length === 0 || only.includes(s));
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
