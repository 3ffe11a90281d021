import { sql } from "kysely";
import { expect, it } from "vitest";
import type { DB } from "../../db";
import { rebuildListDerived } from "../../db/list-derived";
import { rebuildOperationsDerived } from "../home/operations-derived";
import { describeEachDb } from "../test/databases";
import { bulkSeedDemo } from "./bulk-seed";
import { SUMMARY_TABLES } from "./seed-summaries";

/** Every summary table's rows, sorted (the tables have no order of their own). */
async function summaries(db: DB): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const t of SUMMARY_TABLES) {
    const { rows } = await sql<Record<string, unknown>>`SELECT * FROM ${sql.table(t)}`.execute(db);
    out[t] = rows.map((r) => JSON.stringify(Object.entries(r).sort(([a], [b]) => a.localeCompare(b)))).sort();
  }
  return out;
}

describeEachDb("bulk seed's summaries computed with the batches", (get) => {
  it("equal the full SQL rebuild of every summary table", async () => {
    const { db } = get();
    const log: string[] = [];
    // Batches of 150 in two workers: groups, tenants and days span batches and get merged.
    await bulkSeedDemo(
      db,
      { connections: 1_200, seed: 7, now: Date.parse("2026-11-01T00:00:00Z"), batchSize: 150, workers: 2 },
      (line) => log.push(line),
    );
    expect(log.some((l) => l.includes("summaries computed with them"))).toBe(true);
    const direct = await summaries(db);
    for (const t of SUMMARY_TABLES) expect(direct[t]?.length, t).toBeGreaterThan(0);

    await rebuildListDerived(db);
    await rebuildOperationsDerived(db);
    expect(await summaries(db)).toEqual(direct);
  }, 120_000);
});
