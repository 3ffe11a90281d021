// kill -9 in the middle of a bulk action: a child process pausing 300 connections in steps of 5
// (one transaction each, as the console's client drives it) is killed with SIGKILL after a few
// steps. The database must be consistent — every row's version moved exactly as often as it has
// audit events, and paused exactly when it has its one pause event — and a rerun must finish the
// job without a second event for any row. (kill -9 mid-import: server/ingest/import-cli.test.ts.)
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { afterAll, expect, it } from "vitest";
import { dbSchema, type DB } from "../../db";
import { seedBase } from "../demo-data/seed-demo";
import { fixtureRow } from "../test/list-fixture";
import { describeEachDb } from "../test/databases";
import { printFigures } from "./figures";

const root = path.resolve(import.meta.dirname, "../..");
const ROWS = 300;
const BATCH = 5;
const KILL_AFTER_STEPS = 3;
const work = mkdtempSync(path.join(tmpdir(), "crash-bulk-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Where the child finds this test's database: the SQLite file, or the PostgreSQL URL and schema. */
async function location(db: DB, kind: string): Promise<[string, string]> {
  if (kind === "postgres") return [process.env.TEST_DATABASE_URL ?? "", dbSchema(db) ?? "-"];
  const { rows } = await sql<{ name: string; file: string }>`pragma database_list`.execute(db);
  return [rows.find((r) => r.name === "main")?.file ?? "", "-"];
}

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  steps: number;
  stderr: string;
}

function runChild(args: string[], killAfterSteps?: number): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "server/security/bulk-pause-child.ts", ...args], {
      cwd: root,
      env: { ...process.env, CONSOLE_ENV: "test" },
    });
    let steps = 0;
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => {
      steps += d
        .toString()
        .split("\n")
        .filter((l) => l.startsWith("{")).length;
      if (killAfterSteps !== undefined && steps >= killAfterSteps) child.kill("SIGKILL");
    });
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("close", (code, signal) => resolve({ code, signal, steps, stderr }));
  });
}

interface AuditJson {
  version?: number;
  user_paused?: boolean;
  bulk?: string;
}

/** Every way a row can disagree with its audit trail; empty when the database is consistent. */
async function inconsistencies(db: DB, ids: string[], initial: Map<string, number>): Promise<string[]> {
  const rows = await db
    .selectFrom("connections")
    .select(["id", "version", "user_paused"])
    .where("id", "in", ids)
    .execute();
  const events = await db
    .selectFrom("audit_events")
    .select(["connection_id", "action", "before", "after"])
    .where("connection_id", "in", ids)
    .where("action", "in", ["connection.pause", "connection.resume"])
    .execute();
  const problems: string[] = [];
  for (const row of rows) {
    const v0 = initial.get(row.id) ?? -1;
    const mine = events.filter((e) => e.connection_id === row.id);
    if (row.version - v0 !== mine.length)
      problems.push(`${row.id}: version +${row.version - v0}, ${mine.length} events`);
    if (row.user_paused !== (mine.length === 1 ? 1 : 0))
      problems.push(`${row.id}: paused=${row.user_paused}, ${mine.length} events`);
    if (mine.length > 1) problems.push(`${row.id}: ${mine.length} pause events (duplicates)`);
    for (const e of mine) {
      const before = JSON.parse(e.before ?? "{}") as AuditJson;
      const after = JSON.parse(e.after ?? "{}") as AuditJson;
      if (e.action !== "connection.pause" || before.version !== v0 || after.version !== v0 + 1 || !after.user_paused)
        problems.push(`${row.id}: event ${e.action} ${before.version}→${after.version}`);
    }
  }
  if (rows.length !== ids.length) problems.push(`${ids.length - rows.length} rows missing`);
  return problems;
}

describeEachDb(
  "kill -9 mid bulk pause",
  (get) => {
    it("leaves whole steps, each row's audit matching its version; a rerun completes without duplicates", async () => {
      const { db, kind } = get();
      const picked = await db
        .selectFrom("connections")
        .select(["id", "version"])
        .where("user_paused", "=", 0)
        .orderBy("id")
        .limit(ROWS)
        .execute();
      const ids = picked.map((r) => r.id);
      const initial = new Map(picked.map((r) => [r.id, r.version]));
      const idsFile = path.join(work, `ids-${kind}.json`);
      writeFileSync(idsFile, JSON.stringify(ids));
      const [target, schema] = await location(db, kind);
      const paused = async () =>
        (
          await db
            .selectFrom("connections")
            .select((eb) => eb.fn.countAll<number>().as("n"))
            .where("id", "in", ids)
            .where("user_paused", "=", 1)
            .executeTakeFirstOrThrow()
        ).n;

      const killed = await runChild([target, schema, idsFile, "crash-job-1", String(BATCH)], KILL_AFTER_STEPS);
      expect(killed.signal, killed.stderr).toBe("SIGKILL");
      const landed = await paused();
      // Killed part way: some steps committed, not all of them.
      expect(landed).toBeGreaterThan(0);
      expect(landed).toBeLessThan(ROWS);
      // Whole steps only: the step in flight when the process died left nothing behind.
      expect(landed % BATCH).toBe(0);
      const afterKill = await inconsistencies(db, ids, initial);

      const rerun = await runChild([target, schema, idsFile, "crash-job-2", String(BATCH)]);
      expect(rerun.code, rerun.stderr).toBe(0);
      const afterRerun = await inconsistencies(db, ids, initial);
      expect(await paused()).toBe(ROWS);
      printFigures(
        "crash: kill -9 mid bulk pause",
        kind,
        ROWS * 2,
        afterKill.length + afterRerun.length,
        `killed after ${killed.steps} reported steps with ${landed}/${ROWS} rows paused; rerun ${rerun.steps} steps`,
      );
      expect(afterKill).toEqual([]);
      expect(afterRerun).toEqual([]);
    }, 180_000);
  },
  async ({ db }) => {
    // Plain rows, inserted in a few statements: the subject is the bulk action, not the data.
    const now = Date.now();
    await seedBase(db, now);
    const rows = Array.from({ length: ROWS }, (_, i) => {
      const { tenant_name: _t, category: _c, ...row } = fixtureRow(i, now);
      return { ...row, user_paused: 0 };
    });
    for (let i = 0; i < rows.length; i += 100)
      await db
        .insertInto("connections")
        .values(rows.slice(i, i + 100))
        .execute();
  },
);
