// npm start: the console with demo data on embedded SQLite, from a fresh clone.
// Prepares secrets and the database, builds once, then serves on PORT (default 3000).
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { getDb } from "../server/database";
import { migrateToLatest } from "../db/migrate";
import { seedDemo } from "../server/demo-data/seed-demo";
import { authSecret, encryptionKeySource } from "../server/env";
import { printDemoSignIns } from "./demo-sign-ins";

const dev = process.argv.includes("--dev");
process.env.CONSOLE_ENV ??= dev ? "development" : "demo";
process.env.NEXT_TELEMETRY_DISABLED ??= "1";
const port = process.env.PORT ?? "3000";
process.env.NEXTAUTH_URL ??= `http://localhost:${port}`;
process.env.NEXTAUTH_SECRET = authSecret();
process.env.CONSOLE_ENCRYPTION_KEY = encryptionKeySource();

const db = getDb();
await migrateToLatest(db);
const { n } = await db
  .selectFrom("connections")
  .select((eb) => eb.fn.countAll<number>().as("n"))
  .executeTakeFirstOrThrow();
if (n === 0 && process.env.CONSOLE_ENV !== "production") {
  const seeded = await seedDemo(db, { connections: Number(process.env.DEMO_CONNECTIONS ?? 2000) });
  console.log(`Seeded ${seeded.connections} demo connections.`);
}
await db.destroy();

const nextBin = path.join("node_modules", "next", "dist", "bin", "next");
if (!dev && needsBuild()) {
  console.log("Building the console (first start only)...");
  const build = spawnSync(process.execPath, [nextBin, "build"], {
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production" },
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
printDemoSignIns();
console.log(`\nConsole: http://localhost:${port}\n`);
const child = spawn(process.execPath, [nextBin, dev ? "dev" : "start", "-p", port], {
  stdio: "inherit",
  env: process.env,
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
child.on("exit", (code) => process.exit(code ?? 0));

/** Rebuild when there is no build, or when a source file is newer than it. */
function needsBuild(): boolean {
  const id = path.join(".next", "BUILD_ID");
  if (!existsSync(id) || readFileSync(id, "utf8").trim() === "") return true;
  const built = statSync(id).mtimeMs;
  const newest = spawnSync("git", ["log", "-1", "--format=%ct"], { encoding: "utf8" }).stdout.trim();
  const dirty = spawnSync("git", ["status", "--porcelain", "app", "components", "server", "db"], {
    encoding: "utf8",
  }).stdout.trim();
  return dirty !== "" || (newest !== "" && Number(newest) * 1000 > built);
}
