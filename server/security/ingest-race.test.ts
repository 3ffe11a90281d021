// Found by the generated ingest run (bad-input.test.ts, PostgreSQL, seed 888092990): two pushes
// of the same new connection at the same moment. Each batch plans a new console id for the
// platform id it has not seen; the second upsert meets the first one's row (ON CONFLICT on
// platform + platform_id) and updates it, keeping the first id, but then writes its runs under
// the id it planned, which no row has: a foreign-key violation, and the push answers 500.
// Concurrent pushes of the same record (a platform's retry, parallel batch uploads) must both
// succeed: one "accepted", the others "updated" or "unchanged".
import { expect, it } from "vitest";
import { loadFixture } from "../adapters/fixtures/load-fixture";
import { seedBase } from "../demo-data/seed-demo";
import { handleIngestRequest } from "../ingest/http-ingest";
import { callerAs, staff } from "../test/callers";
import { describeEachDb } from "../test/databases";
import { printFigures } from "./figures";
import { ORIGIN } from "./trpc-http";

const PUSHES = 6;

describeEachDb(
  "ingest: concurrent pushes of one new connection",
  (get) => {
    it.each([1, 2, 3])("round %i: every push answers 200, one connection, its run once", async (round) => {
      const { db, kind } = get();
      const { key } = await callerAs(db, staff()).apiKeys.create({
        name: `race ${round}`,
        platform: "workiva",
        tenantId: "ten_acme",
      });
      const platformId = `race-${round}-${Date.now()}`;
      const record = {
        ...(loadFixture("constructed/workiva-connection-full.json") as Record<string, unknown>),
        connectionId: platformId,
      };
      const push = () =>
        handleIngestRequest(
          db,
          new Request(`${ORIGIN}/api/ingest/connections?format=dto`, {
            method: "POST",
            headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
            body: JSON.stringify([record]),
          }),
          "connections",
        ).then(
          (r) => r.status,
          (error: unknown) => `threw: ${error instanceof Error ? error.message : String(error)}`,
        );
      const answers = await Promise.all(Array.from({ length: PUSHES }, push));
      const rows = await db.selectFrom("connections").select("id").where("platform_id", "=", platformId).execute();
      const runs = await db
        .selectFrom("connection_runs")
        .select("id")
        .where("connection_id", "in", rows.length ? rows.map((r) => r.id) : ["-"])
        .execute();
      const failed = answers.filter((a) => a !== 200);
      printFigures(`ingest race, round ${round}`, kind, PUSHES, failed.length);
      expect(answers).toEqual(Array.from({ length: PUSHES }, () => 200));
      expect(rows).toHaveLength(1);
      expect(runs).toHaveLength(1);
    });
  },
  async ({ db }) => {
    await seedBase(db, Date.now());
  },
);
