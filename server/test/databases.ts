// Test databases: every integration suite runs once on SQLite and, when TEST_DATABASE_URL is
// set, once more on PostgreSQL, each in a fresh database (SQLite file) or schema (PostgreSQL)
// so that parallel runs never collide.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe } from "vitest";
import { createDb, type DB, type DbKind } from "../../db";
import { migrateToLatest } from "../../db/migrate";

export const testKinds: DbKind[] = process.env.TEST_DATABASE_URL ? ["sqlite", "postgres"] : ["sqlite"];

export interface TestDb {
  db: DB;
  kind: DbKind;
  drop: () => Promise<void>;
}

export async function createTestDb(kind: DbKind): Promise<TestDb> {
  if (kind === "postgres") {
    const url = process.env.TEST_DATABASE_URL;
    if (!url) throw new Error("TEST_DATABASE_URL is not set");
    const schema = `test_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE SCHEMA "${schema}"`);
    await admin.end();
    const db = createDb({ kind, url, schema, poolSize: 5 });
    await migrateToLatest(db);
    return {
      db,
      kind,
      drop: async () => {
        await db.destroy();
        const c = new pg.Client({ connectionString: url });
        await c.connect();
        await c.query(`DROP SCHEMA "${schema}" CASCADE`);
        await c.end();
      },
    };
  }
  const dir = mkdtempSync(path.join(tmpdir(), "console-test-"));
  // Reads go through worker threads, as in the running console, so every suite exercises them.
  const db = createDb({ kind, url: path.join(dir, "test.db"), readWorkers: 2 });
  await migrateToLatest(db);
  return {
    db,
    kind,
    drop: async () => {
      await db.destroy();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * describe() once per database. `setup` runs once per database after migration (seed data);
 * the returned getter gives the suite its TestDb.
 */
export function describeEachDb(
  name: string,
  body: (get: () => TestDb, kind: DbKind) => void,
  setup?: (t: TestDb) => Promise<void>,
): void {
  for (const kind of testKinds) {
    describe(`${name} [${kind}]`, () => {
      let current: TestDb | undefined;
      beforeAll(async () => {
        current = await createTestDb(kind);
        if (setup) await setup(current);
      }, 120_000);
      afterAll(async () => {
        await current?.drop();
      });
      body(() => {
        if (!current) throw new Error("test database not ready");
        return current;
      }, kind);
    });
  }
}
