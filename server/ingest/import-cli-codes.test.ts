// The CLI's exit codes and output, in-process on both databases (import-cli.test.ts runs it as
// a real child process).
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { seedBase } from "../demo-data/seed-demo";
import { loadFixture } from "../adapters/fixtures/load-fixture";
import { describeEachDb } from "../test/databases";
import { runImportCli } from "./import-cli";

const dir = mkdtempSync(path.join(tmpdir(), "import-codes-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const unified = loadFixture("constructed/unified-connection-full.json") as Record<string, unknown>;

function file(name: string, text: string): string {
  const full = path.join(dir, name);
  writeFileSync(full, text);
  return full;
}

describeEachDb(
  "npm run import (exit codes)",
  (get) => {
    async function run(argv: string[]) {
      let stdout = "";
      let stderr = "";
      const code = await runImportCli(get().db, argv, {
        stdout: { write: (t: string) => (stdout += t) },
        stderr: { write: (t: string) => (stderr += t) },
      });
      return { code, stdout, stderr };
    }

    it("0 when everything landed, with a progress bar and a summary", async () => {
      const good = file(
        `good-${get().kind}.json`,
        JSON.stringify([
          { ...unified, id: `cli-${get().kind}-1` },
          { ...unified, id: `cli-${get().kind}-2` },
        ]),
      );
      const ok = await run([good, "--format", "unified", "--tenant", "acme"]);
      expect(ok.code, ok.stderr).toBe(0);
      expect(ok.stdout).toMatch(/^2 records in [\d.]+ s: 2 accepted, 0 updated, 0 unchanged, 0 rejected\n$/);
      expect(ok.stderr).toMatch(/\[#{28}\] 100% 2 records · 2 accepted/);
      expect((await run([good, "--format", "unified", "--tenant", "acme"])).stdout).toMatch(
        /0 accepted, 0 updated, 2 unchanged, 0 rejected/,
      );
    });

    it("1 when something was rejected, listing each with path and reason", async () => {
      const mixed = file(
        `mixed-${get().kind}.ndjson`,
        `${JSON.stringify({ ...unified, id: `cli-${get().kind}-1` })}\n${JSON.stringify({ ...unified, id: "cli-x", categories: "crm" })}\n`,
      );
      const some = await run([mixed, "--format", "unified", "--tenant", "acme"]);
      expect(some.code).toBe(1);
      expect(some.stdout).toMatch(/1 records|2 records in/);
      expect(some.stdout).toContain("rejected #1: $[1].categories: expected an array of strings");
    });

    it("2 when the import cannot run", async () => {
      const good = file("two.json", "[]");
      expect((await run([good, "--format", "csv"])).code).toBe(2);
      expect((await run([good, "--format", "unified", "--tenant", "nobody"])).stderr).toMatch(
        /Unknown tenant "nobody"/,
      );
      expect((await run([path.join(dir, "missing.json"), "--format", "unified"])).stderr).toMatch(/Cannot read/);
      const broken = await run([file("broken.json", '[{"id": 1}'), "--format", "unified", "--tenant", "acme"]);
      expect(broken).toMatchObject({
        code: 2,
        stderr: expect.stringMatching(/Malformed input: input ends inside the JSON array/),
      });
    });
  },
  async ({ db }) => {
    await seedBase(db, Date.parse("2026-11-01T12:00:00Z"));
  },
);
