import { createHash } from "node:crypto";
import { expect, it } from "vitest";
import type { DB } from "../../db";
import { decryptSecret } from "../crypto";
import { describeEachDb } from "../test/databases";
import { bulkSeedDemo } from "./bulk-seed";
import { seedDemo } from "./seed-demo";

const NOW = Date.parse("2026-11-01T00:00:00Z");
// 350 rows in batches of 100: four batches, the last one short, so batches past the first
// (each with its own random stream) are covered, and two workers share them unevenly.
const RUN = { connections: 350, seed: 11, now: NOW, batchSize: 100 };

/** A digest of every seeded row; sealed credentials compared by what they decrypt to (the IV is random). */
async function digest(db: DB): Promise<{ digest: string; connections: number; runs: number; errors: number }> {
  const connections = await db.selectFrom("connections").selectAll().orderBy("id").execute();
  const runs = await db.selectFrom("connection_runs").selectAll().orderBy("id").execute();
  const errors = await db.selectFrom("connection_errors").selectAll().orderBy("id").execute();
  const hash = createHash("sha256");
  for (const c of connections) {
    const { credentials_encrypted, ...rest } = c;
    hash.update(JSON.stringify(rest));
    hash.update(credentials_encrypted === null ? "-" : decryptSecret(credentials_encrypted));
  }
  for (const r of [...runs, ...errors]) hash.update(JSON.stringify(r));
  return { digest: hash.digest("hex"), connections: connections.length, runs: runs.length, errors: errors.length };
}

async function empty(db: DB): Promise<void> {
  await db.deleteFrom("connection_errors").execute();
  await db.deleteFrom("connection_runs").execute();
  await db.deleteFrom("connections").execute();
}

describeEachDb("demo seeding is deterministic", (get) => {
  it("gives the same rows for the same seed with two workers, none, or the query-builder path", async () => {
    const { db } = get();
    await bulkSeedDemo(db, { ...RUN, workers: 2 });
    const twoWorkers = await digest(db);
    expect(twoWorkers.connections).toBe(350);
    expect(twoWorkers.runs).toBeGreaterThan(0);
    expect(twoWorkers.errors).toBeGreaterThan(0);

    await empty(db);
    await bulkSeedDemo(db, { ...RUN, workers: 0 });
    expect(await digest(db)).toEqual(twoWorkers);

    await empty(db);
    await seedDemo(db, RUN);
    expect(await digest(db)).toEqual(twoWorkers);

    // ...and another seed gives other rows.
    await empty(db);
    await seedDemo(db, { ...RUN, seed: 12 });
    expect((await digest(db)).digest).not.toBe(twoWorkers.digest);
  }, 120_000); // four seedings of 350 rows: well under a minute even on a shared machine
});
