// Aggregates come back as JS numbers from both drivers (PostgreSQL sends bigint and numeric as
// text; db/pg-numbers.ts parses them), so no caller needs Number() for the driver's sake.
import { sql } from "kysely";
import { afterAll, describe, expect, it } from "vitest";
import { createDb, type DB, type DbTarget } from "./index";

const targets: DbTarget[] = [{ kind: "sqlite", url: ":memory:" }];
if (process.env.TEST_DATABASE_URL) targets.push({ kind: "postgres", url: process.env.TEST_DATABASE_URL, poolSize: 1 });

for (const target of targets) {
  describe(`aggregates as numbers [${target.kind}]`, () => {
    const db: DB = createDb(target);
    afterAll(() => db.destroy());

    it("returns count(*), sum of integers, sum of bigints and avg as numbers", async () => {
      const { rows } = await sql<{ n: unknown; total: unknown; bigTotal: unknown; mean: unknown }>`
        WITH t(x) AS (VALUES (1), (2), (40))
        SELECT count(*) AS n, sum(x) AS total, sum(CAST(x AS bigint)) AS "bigTotal", avg(x) AS mean FROM t
      `.execute(db);
      const row = rows[0];
      expect(row).toEqual({ n: 3, total: 43, bigTotal: 43, mean: expect.closeTo(43 / 3, 10) as unknown });
      expect([typeof row?.n, typeof row?.total, typeof row?.bigTotal, typeof row?.mean]).toEqual([
        "number",
        "number",
        "number",
        "number",
      ]);
    });

    it("gives a count through the query builder as a number", async () => {
      const row = await db.selectNoFrom((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
      expect(row.n).toBe(1);
    });

    if (target.kind === "postgres")
      it("refuses a bigint beyond a JS number's exact range rather than rounding it", async () => {
        await expect(sql`SELECT CAST('9007199254740993' AS bigint) AS n`.execute(db)).rejects.toThrow(RangeError);
        // The pool's connection is still usable afterwards.
        expect((await sql<{ n: number }>`SELECT count(*) AS n`.execute(db)).rows[0]?.n).toBe(1);
      });
  });
}
