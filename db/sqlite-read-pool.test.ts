// The SQLite read workers: plain reads leave the main thread and the main connection; writes and
// transactions keep them. On a real file, as the console runs.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql, type Kysely } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createDb } from "./index";

interface Scratch {
  items: { id: number; name: string; data: Buffer | null };
}

let dir: string;
let db: Kysely<Scratch>;

beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "read-pool-"));
  db = createDb({ kind: "sqlite", url: path.join(dir, "t.db"), readWorkers: 2 }) as unknown as Kysely<Scratch>;
  await sql`CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT NOT NULL, data BLOB)`.execute(db);
  await db.insertInto("items").values({ id: 1, name: "one", data: null }).execute();
});

afterEach(async () => {
  await db.destroy();
  rmSync(dir, { recursive: true, force: true });
});

const names = async (from: Kysely<Scratch>) =>
  (await from.selectFrom("items").select("name").orderBy("id").execute()).map((r) => r.name);

describe("SQLite read workers", () => {
  it("answer a read while a transaction holds the main connection, with only what was committed", async () => {
    await db.transaction().execute(async (trx) => {
      await trx.insertInto("items").values({ id: 2, name: "two", data: null }).execute();
      // On the single connection this read waited for the transaction, which waited for it.
      expect(await names(db)).toEqual(["one"]);
      expect(await names(trx)).toEqual(["one", "two"]);
    });
    expect(await names(db)).toEqual(["one", "two"]);
  });

  it("keep the event loop turning during a long read", async () => {
    let turns = 0;
    let reading = true;
    const tick = () => {
      if (!reading) return;
      turns++;
      setImmediate(tick);
    };
    setImmediate(tick);
    const { rows } = await sql<{
      n: number;
    }>`SELECT n FROM (WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 2000000) SELECT count(*) AS n FROM c)`.execute(
      db,
    );
    reading = false;
    expect(rows[0]?.n).toBe(2_000_000);
    // A synchronous read on the main thread lets no other callback run until it returns.
    expect(turns).toBeGreaterThan(0);
  });

  it("return blobs as Buffers and errors with SQLite's message and code", async () => {
    await db
      .insertInto("items")
      .values({ id: 3, name: "blob", data: Buffer.from([0, 1, 2, 255]) })
      .execute();
    const row = await db.selectFrom("items").select("data").where("id", "=", 3).executeTakeFirstOrThrow();
    expect(Buffer.isBuffer(row.data)).toBe(true);
    expect([...(row.data ?? [])]).toEqual([0, 1, 2, 255]);
    const bytes = await db
      .selectFrom("items")
      .select("id")
      .where("data", "=", Buffer.from([0, 1, 2, 255]))
      .execute();
    expect(bytes).toEqual([{ id: 3 }]);
    await expect(sql`SELECT * FROM no_such_table`.execute(db)).rejects.toMatchObject({
      message: expect.stringContaining("no such table") as string,
      code: "SQLITE_ERROR",
    });
  });

  it("see a write as soon as it is committed, and many reads at once agree", async () => {
    for (let id = 10; id < 60; id++) {
      await db
        .insertInto("items")
        .values({ id, name: `n${id}`, data: null })
        .execute();
      expect(
        (await db.selectFrom("items").select("id").where("id", "=", id).executeTakeFirst())?.id,
        `row ${id} read back at once`,
      ).toBe(id);
    }
    const counts = await Promise.all(
      Array.from({ length: 40 }, () =>
        db
          .selectFrom("items")
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirstOrThrow(),
      ),
    );
    expect(new Set(counts.map((c) => c.n))).toEqual(new Set([51]));
  });
});
