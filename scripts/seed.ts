// npm run db:seed -- --connections N [--seed S] : deterministic demo data (default 2,000).
import { parseArgs } from "node:util";
import { getDb } from "../server/database";
import { migrateToLatest } from "../db/migrate";
import { BULK_SEED_THRESHOLD, bulkSeedDemo } from "../server/demo-data/bulk-seed";
import { seedDemo } from "../server/demo-data/seed-demo";
import { printDemoSignIns } from "./demo-sign-ins";

const { values } = parseArgs({
  options: { connections: { type: "string", default: "2000" }, seed: { type: "string", default: "42" } },
});
const connections = Number(values.connections);
const seed = Number(values.seed);
if (!Number.isInteger(connections) || connections < 0) {
  console.error(`--connections must be a whole number ≥ 0, got "${values.connections}"`);
  process.exit(2);
}
if (!Number.isInteger(seed)) {
  console.error(`--seed must be a whole number, got "${values.seed}"`);
  process.exit(2);
}
if (process.env.CONSOLE_ENV === "production" && !process.env.SEED_DEMO_IN_PRODUCTION) {
  console.error("Refusing to create demo users in production; set SEED_DEMO_IN_PRODUCTION=1 to insist.");
  process.exit(2);
}
const db = getDb();
const started = Date.now();
await migrateToLatest(db);
const options = {
  connections,
  seed,
  onProgress: (done: number, total: number) =>
    process.stdout.write(`\rseeded ${done.toLocaleString("en")} / ${total.toLocaleString("en")} connections`),
};
const totals =
  connections >= BULK_SEED_THRESHOLD
    ? await bulkSeedDemo(db, options, (line) => process.stdout.write(`\n${line}`))
    : await seedDemo(db, options);
process.stdout.write("\n");
console.log(
  `${totals.connections} connections, ${totals.runs} runs, ${totals.errors} errors in ${((Date.now() - started) / 1000).toFixed(1)} s`,
);
printDemoSignIns();
await db.destroy();
