import { sql } from "kysely";
import { expect, it } from "vitest";
import { dbKind, type DB } from "../../db";
import { rebuildListDerived } from "../../db/list-derived";
import { rebuildOperationsDerived } from "../home/operations-derived";
import { describeEachDb } from "../test/databases";
import { bulkSeedDemo } from "./bulk-seed";
import { SUMMARY_TABLES } from "./seed-summaries";

/** Every summary table's rows, sorted (the tables have no order of their own). */
async function summaries(db: DB): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  if (dbKind(db) === "sqlite") {
    // The search rows (loaded with the batches too), and an index that answers for them.
    await sql`INSERT INTO connection_search (connection_search) VALUES ('integrity-check')`.execute(db);
    const { rows } = await sql<{
      r: number;
      id: string;
      text: string;
    }>`SELECT c.rowid AS r, s.id, s.text FROM connection_search s JOIN connections c ON c.rowid = s.rowid AND c.id = s.id ORDER BY 1`.execute(
      db,
    );
    out.connection_search = rows.map((r) => JSON.stringify(r));
  }
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
      {
        connections: 1_200,
        seed: 7,
        now: Date.parse("2026-11-01T00:00:00Z"),
        batchSize: 150,
        workers: 2,
        summaries: true,
      },
      (line) => log.push(line),
    );
    expect(log.some((l) => l.includes("summaries computed with them"))).toBe(true);
    const direct = await summaries(db);
    for (const t of SUMMARY_TABLES) expect(direct[t]?.length, t).toBeGreaterThan(0);
    if (dbKind(db) === "sqlite") expect(direct.connection_search).toHaveLength(1_200);

    await rebuildListDerived(db);
    await rebuildOperationsDerived(db);
    expect(await summaries(db)).toEqual(direct);
  }, 120_000);
});
