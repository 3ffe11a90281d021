// The CLI as an operator runs it (a child process on a SQLite file): create prints the key alone
// on its last line, the key works, list shows it, revoke stops it; wrong arguments exit 2. Child
// processes start slowly (tsx), so the argument checks call the same entry point in-process.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb } from "../../db";
import { migrateToLatest } from "../../db/migrate";
import { seedBase } from "../demo-data/seed-demo";
import { runApiKeyCli } from "./api-key-cli";
import { authenticateApiKey } from "./authenticate-api-key";

/** The CLI's entry point in this process, on the test database, with its output collected. */
async function runInProcess(args: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await withDb((db) =>
    runApiKeyCli(
      db,
      args,
      { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) } },
      "tester",
    ),
  );
  return { code, stdout, stderr };
}

const root = path.resolve(import.meta.dirname, "../..");
let dir = "";
let dbFile = "";

function runCli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/api-key.ts", ...args], {
      cwd: root,
      env: { ...process.env, SQLITE_PATH: dbFile, DATABASE_URL: "", CONSOLE_DATA_DIR: dir },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

async function withDb<T>(fn: (db: ReturnType<typeof createDb>) => Promise<T>): Promise<T> {
  const db = createDb({ kind: "sqlite", url: dbFile });
  try {
    return await fn(db);
  } finally {
    await db.destroy();
  }
}

describe("npm run api-key", () => {
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "api-key-cli-"));
    dbFile = path.join(dir, "console.db");
    await withDb(async (db) => {
      await migrateToLatest(db);
      await seedBase(db, Date.parse("2026-11-01T12:00:00Z"));
    });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("create prints the key alone on its last line; it authenticates with its scopes and tenant; list and revoke", async () => {
    const created = await runCli([
      "create",
      "--name",
      "Platform workers",
      "--scopes",
      "credentials:read,connections:read",
      "--tenant",
      "acme",
    ]);
    expect(created).toMatchObject({ code: 0, stderr: "" });
    const lines = created.stdout.trimEnd().split("\n");
    const key = lines.at(-1) ?? "";
    expect(key).toMatch(/^cck_[A-Za-z0-9_-]{40,}$/);
    expect(lines.slice(0, -1).join("\n")).toContain("connections:read, credentials:read; Acme Corporation");
    const auth = await withDb((db) => authenticateApiKey(db, `Bearer ${key}`));
    expect(auth).toMatchObject({
      ok: true,
      key: {
        name: "Platform workers",
        tenantId: "ten_acme",
        platform: "generic",
        scopes: ["connections:read", "credentials:read"],
      },
    });
    const id = auth.ok ? auth.key.id : "";

    const listed = await runInProcess(["list"]);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain(`${id}\tPlatform workers\t${key.slice(0, 12)}…\tgeneric\tAcme Corporation`);
    expect(listed.stdout).not.toContain(key.slice(12));

    const audit = await withDb((db) =>
      db.selectFrom("audit_events").select(["actor_id", "action"]).where("action", "like", "api_key.%").execute(),
    );
    expect(audit).toEqual([{ actor_id: expect.stringMatching(/^cli:/) as unknown, action: "api_key.create" }]);

    expect(await runInProcess(["revoke", id])).toMatchObject({ code: 0 });
    expect(await withDb((db) => authenticateApiKey(db, `Bearer ${key}`))).toEqual({
      ok: false,
      message: "Invalid or revoked API key.",
    });
    expect(await runCli(["revoke", id])).toMatchObject({ code: 1, stderr: expect.stringContaining("already revoked") });
    expect(await runCli(["revoke", "key_nope"])).toMatchObject({
      code: 1,
      stderr: expect.stringContaining("No API key"),
    });
  }, 60_000);

  it("refuses bad arguments with exit 2 and a reason; an unknown tenant with exit 1", async () => {
    const cases: [string[], number, RegExp][] = [
      [["create", "--scopes", "ingest", "--platform", "codat"], 2, /--name is required/],
      [["create", "--name", "x", "--scopes", "admin"], 2, /Unknown scope admin/],
      [["create", "--name", "x", "--scopes", ""], 2, /at least one scope/],
      [["create", "--name", "x", "--scopes", "ingest"], 2, /--platform is required/],
      [["create", "--name", "x", "--scopes", "ingest", "--platform", "sap"], 2, /--platform must be one of/],
      [["create", "--name", "x", "--scopes", "connections:read", "--tenant", "nope"], 1, /Unknown tenant "nope"/],
      [["create", "--name", "x", "--scopes", "ingest", "--color", "red"], 2, /Unknown argument --color/],
      [["frobnicate"], 2, /Usage:/],
    ];
    // One through the real script: a usage error is exit code 2 from the process too.
    expect(await runCli(["create", "--name", "x", "--scopes", "admin"])).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/Unknown scope admin/),
    });
    for (const [args, code, message] of cases) {
      const run = await runInProcess(args);
      expect({ args, code: run.code }).toEqual({ args, code });
      expect(run.stderr).toMatch(message);
      expect(run.stdout).not.toMatch(/cck_/);
    }
    const keys = await withDb((db) => db.selectFrom("api_keys").select("name").where("name", "=", "x").execute());
    expect(keys).toEqual([]);
  }, 60_000);
});
