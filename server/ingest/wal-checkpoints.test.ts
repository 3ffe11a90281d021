// SQLite's WAL auto-checkpoint is held back while ingest runs (wal-checkpoints.ts) and restored
// afterwards — after a failed batch too, and only when the last of overlapping ingests ends —
// with one checkpoint at the end that leaves nothing in the WAL to copy.
import { sql } from "kysely";
import { expect, it } from "vitest";
import { dbKind, sqliteHandle, type DB } from "../../db";
import { seedBase } from "../demo-data/seed-demo";
import { describeEachDb } from "../test/databases";
import { INGEST_CHECKPOINT_PAGES, walAutocheckpoint, withIngestCheckpoints } from "./wal-checkpoints";
import { ingestText, tenantRow } from "./test-support";

const NOW = "2026-11-20T10:00:00.000Z";
const records = (prefix: string, n: number) =>
  JSON.stringify(
    Array.from({ length: n }, (_, i) => ({
      id: `${prefix}-${i}`,
      integrationId: "bf083d72-62c7-493e-aec9-81b4dbba7e2c",
      sourceId: `source-${i}`,
      linkUrl: "https://link.codat.io/start",
      platformName: "Xero",
      status: "Linked",
      created: "2026-10-01T00:00:00Z",
      sourceType: "Banking",
      dataConnectionErrors: [{ statusCode: "401", errorMessage: `Token ${i} expired`, erroredOnUtc: NOW }],
    })),
  );

/** Frames in the WAL and how many of them a PASSIVE checkpoint has copied. */
async function wal(db: DB) {
  const row = (await sql<{ log: number; checkpointed: number }>`PRAGMA wal_checkpoint(PASSIVE)`.execute(db)).rows[0];
  return { log: Number(row?.log), checkpointed: Number(row?.checkpointed) };
}

class Crash extends Error {}

describeEachDb(
  "ingest holds the WAL checkpoint back",
  (get) => {
    it("raises the threshold while it runs and restores it afterwards, with the WAL copied", async () => {
      const { db } = get();
      if (dbKind(db) !== "sqlite") return;
      const before = await walAutocheckpoint(db);
      expect(before).not.toBe(INGEST_CHECKPOINT_PAGES);
      const during: number[] = [];
      const acme = await tenantRow(db, "acme");
      const { counts } = await ingestText(db, "codat", records("wal", 30), {
        tenant: acme,
        batchSize: 10,
        now: () => NOW,
        // Inside the batch's transaction: the connection's own handle (db would wait for it).
        hooks: {
          beforeCommit: () =>
            void during.push(Number(sqliteHandle(db)?.pragma("wal_autocheckpoint", { simple: true }))),
        },
      });
      expect(counts.accepted).toBe(30);
      expect(during).toEqual([INGEST_CHECKPOINT_PAGES, INGEST_CHECKPOINT_PAGES, INGEST_CHECKPOINT_PAGES]);
      expect(await walAutocheckpoint(db)).toBe(before);
      const after = await wal(db);
      expect(after.log).toBeGreaterThan(0);
      expect(after.checkpointed).toBe(after.log);
    });

    it("restores the setting when a batch fails", async () => {
      const { db } = get();
      if (dbKind(db) !== "sqlite") return;
      const before = await walAutocheckpoint(db);
      const acme = await tenantRow(db, "acme");
      await expect(
        ingestText(db, "codat", records("crash", 20), {
          tenant: acme,
          batchSize: 10,
          now: () => NOW,
          hooks: {
            beforeCommit: (n) => {
              if (n === 1) throw new Crash("simulated");
            },
          },
        }),
      ).rejects.toBeInstanceOf(Crash);
      expect(await walAutocheckpoint(db)).toBe(before);
      const rows = await db.selectFrom("connections").select("id").where("platform_id", "like", "crash-%").execute();
      expect(rows).toHaveLength(10);
    });

    it("restores only when the last of overlapping ingests ends", async () => {
      const { db } = get();
      if (dbKind(db) !== "sqlite") return;
      const before = await walAutocheckpoint(db);
      let releaseFirst!: () => void;
      const firstHeld = new Promise<void>((resolve) => (releaseFirst = resolve));
      const first = withIngestCheckpoints(db, () => firstHeld);
      const second = withIngestCheckpoints(db, async () => walAutocheckpoint(db));
      expect(await second).toBe(INGEST_CHECKPOINT_PAGES);
      expect(await walAutocheckpoint(db)).toBe(INGEST_CHECKPOINT_PAGES);
      releaseFirst();
      await first;
      expect(await walAutocheckpoint(db)).toBe(before);
      await expect(withIngestCheckpoints(db, () => Promise.reject(new Crash("x")))).rejects.toBeInstanceOf(Crash);
      expect(await walAutocheckpoint(db)).toBe(before);
    });
  },
  async ({ db }) => {
    await seedBase(db, Date.parse("2026-11-01T12:00:00Z"));
  },
);
