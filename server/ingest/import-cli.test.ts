// The CLI as a user runs it (a child process on a SQLite file): a process killed mid-import,
// then a second run that completes the import without duplicates.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb } from "../../db";
import { migrateToLatest } from "../../db/migrate";
import { seedBase } from "../demo-data/seed-demo";
import { loadFixture } from "../adapters/fixtures/load-fixture";

const root = path.resolve(import.meta.dirname, "../..");
let dir = "";
let dbFile = "";

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function runCli(args: string[], killAfterProgressLines?: number): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/import.ts", ...args], {
      cwd: root,
      env: { ...process.env, SQLITE_PATH: dbFile, DATABASE_URL: "" },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => {
      stderr += d.toString();
      if (
        killAfterProgressLines !== undefined &&
        stderr.split("\n").filter((l) => l.includes(" records · ")).length >= killAfterProgressLines
      )
        child.kill("SIGKILL");
    });
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

async function connectionCount(): Promise<number> {
  const db = createDb({ kind: "sqlite", url: dbFile });
  try {
    const { n } = await db
      .selectFrom("connections")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    return n;
  } finally {
    await db.destroy();
  }
}

const unified = loadFixture("constructed/unified-connection-full.json") as Record<string, unknown>;
const writeFile = (name: string, text: string) => {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
};

describe("npm run import", () => {
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "import-cli-"));
    dbFile = path.join(dir, "console.db");
    const db = createDb({ kind: "sqlite", url: dbFile });
    await migrateToLatest(db);
    await seedBase(db, Date.parse("2026-11-01T12:00:00Z"));
    await db.destroy();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("a process killed mid-import leaves whole batches; running again completes it without duplicates", async () => {
    const total = 1_500;
    const lines: string[] = [];
    for (let i = 0; i < total; i++)
      lines.push(JSON.stringify({ ...unified, id: `bulk-${i}`, external_xref: `x-${i}` }));
    const file = writeFile("bulk.ndjson", lines.join("\n"));
    const before = await connectionCount();
    const killed = await runCli([file, "--format", "unified", "--tenant", "acme", "--batch-size", "50"], 2);
    expect(killed.code).not.toBe(0);
    const landed = (await connectionCount()) - before;
    expect(landed).toBeGreaterThan(0);
    expect(landed).toBeLessThan(total);
    expect(landed % 50).toBe(0);

    const rerun = await runCli([file, "--format", "unified", "--tenant", "acme", "--batch-size", "50"]);
    expect(rerun.code, rerun.stderr).toBe(0);
    expect(rerun.stdout).toContain(`${total - landed} accepted, 0 updated, ${landed} unchanged, 0 rejected`);
    expect((await connectionCount()) - before).toBe(total);
  }, 180_000);
});
