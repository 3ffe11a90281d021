// Ingest keeps the connections' derived data itself, per wave, with the per-row triggers off
// (derived-batch.ts): after any sequence of batches — new records, the same again, edits, moves
// between statuses and providers, errors opened and resolved, rejections, one id twice in a
// batch — every derived table equals a full recomputation. Outside ingest the triggers are on.
import SQLite from "better-sqlite3";
import fc from "fast-check";
import { sql } from "kysely";
import { expect, it } from "vitest";
import { dbKind, type DB } from "../../db";
import { rebuildListDerived } from "../../db/list-derived";
import { seedBase } from "../demo-data/seed-demo";
import { rebuildOperationsDerived } from "../home/operations-derived";
import { callerAs, staff } from "../test/callers";
import { describeEachDb } from "../test/databases";
import { propertySeed } from "../test/property-seed";
import { deferDerived } from "./derived-batch";
import { ingestText, tenantRow } from "./test-support";

const RUNS = Number(process.env.PROPERTY_RUNS ?? 12);
const SEED = propertySeed(20261202);
const NOW = "2026-11-20T10:00:00.000Z";

/** Every derived row that counts (zero counts are left behind by decrements, not rebuilt). */
async function derived(db: DB) {
  const rows = async (text: string) => (await sql.raw<Record<string, unknown>>(text).execute(db)).rows;
  return {
    facets: await rows(
      "SELECT * FROM connection_facet_counts WHERE n <> 0 ORDER BY tenant_id, status, provider, platform, environment, categories, needs_relink, user_paused, platform_paused, has_errors",
    ),
    counts: await rows("SELECT * FROM ops_connection_counts WHERE n <> 0 ORDER BY tenant_id, provider, status"),
    buckets: await rows("SELECT * FROM ops_day_counts WHERE n <> 0 ORDER BY tenant_id, kind, day"),
    created: await rows("SELECT * FROM connection_created_facets WHERE n <> 0 ORDER BY tenant_id, day, facet, value"),
    search:
      dbKind(db) === "postgres" ? [] : await rows("SELECT rowid AS r, id, text FROM connection_search ORDER BY rowid"),
  };
}

async function expectRebuildAgrees(db: DB) {
  const kept = await derived(db);
  await rebuildListDerived(db);
  await rebuildOperationsDerived(db);
  expect(kept).toEqual(await derived(db));
}

const ERRORS = [
  { statusCode: "401", errorMessage: "Token expired", erroredOnUtc: "2026-11-01T08:00:00Z" },
  { statusCode: "500", errorMessage: "Upstream failed", erroredOnUtc: "2026-11-02T09:30:00Z" },
  { statusCode: "429", errorMessage: "Too many requests", erroredOnUtc: "2026-11-03T10:45:00Z" },
];
const record = (run: number) =>
  fc
    .record({
      n: fc.integer({ min: 0, max: 5 }),
      platformName: fc.constantFrom("Xero", "Pandle", "Sage Intacct"),
      status: fc.constantFrom("PendingAuth", "Linked", "Unlinked", "Deauthorized", "NotAStatus"),
      sourceType: fc.constantFrom("Accounting", "Banking"),
      lastSync: fc.constantFrom(undefined, "2026-11-19T10:00:00Z", "2026-11-19T10:00:30Z", "2026-11-18T23:59:00Z"),
      errors: fc.array(fc.tuple(fc.constantFrom(0, 1, 2), fc.constantFrom("Active", "Resolved")), { maxLength: 3 }),
    })
    .map(({ n, errors, lastSync, ...fields }) => ({
      id: `derived-${run}-${n}`,
      integrationId: "bf083d72-62c7-493e-aec9-81b4dbba7e2c",
      sourceId: `source-${n}`,
      linkUrl: "https://link.codat.io/start",
      created: "2026-10-01T00:00:00Z",
      ...fields,
      ...(lastSync === undefined ? {} : { lastSync }),
      dataConnectionErrors: [...new Map(errors).entries()].map(([e, status]) => ({
        ...ERRORS[e],
        status,
        ...(status === "Resolved" ? { resolvedOnUtc: "2026-11-04T00:00:00Z" } : {}),
      })),
    }));

describeEachDb(
  "ingest keeps derived data per batch",
  (get) => {
    it("equals a full recomputation after random batches", async () => {
      const { db } = get();
      const tenants = [await tenantRow(db, "acme"), await tenantRow(db, "globex")];
      let run = 0;
      let written = 0;
      await fc.assert(
        fc.asyncProperty(
          fc.integer({ min: 1, max: 2 }).chain((r) =>
            fc.array(
              fc.record({
                records: fc.array(record(r), { minLength: 1, maxLength: 8 }),
                batchSize: fc.integer({ min: 1, max: 6 }),
                tenant: fc.constantFrom(0, 1),
              }),
              { minLength: 1, maxLength: 5 },
            ),
          ),
          async (imports) => {
            run += 1;
            for (const { records, batchSize, tenant } of imports) {
              const text = JSON.stringify(records.map((r) => ({ ...r, id: `${r.id}-${run}` })));
              const { counts } = await ingestText(db, "codat", text, {
                tenant: tenants[tenant],
                batchSize,
                now: () => NOW,
              });
              written += counts.accepted + counts.updated;
            }
            await expectRebuildAgrees(db);
          },
        ),
        { numRuns: RUNS, seed: SEED },
      );
      expect(written).toBeGreaterThan(RUNS);
    });

    it("leaves the triggers on outside ingest: a console action after an import still counts", async () => {
      const { db } = get();
      const acme = await tenantRow(db, "acme");
      const text = JSON.stringify([
        {
          id: "after-ingest",
          integrationId: "bf083d72-62c7-493e-aec9-81b4dbba7e2c",
          sourceId: "after",
          linkUrl: "https://x",
          platformName: "Xero",
          status: "Linked",
          created: NOW,
          sourceType: "Banking",
        },
      ]);
      await ingestText(db, "codat", text, { tenant: acme, now: () => NOW });
      const row = await db
        .selectFrom("connections")
        .select(["id", "version"])
        .where("platform_id", "=", "after-ingest")
        .executeTakeFirstOrThrow();
      const paused = async () =>
        Number(
          (await sql<{ n: number }>`SELECT coalesce(sum(user_paused), 0) AS n FROM ops_connection_counts`.execute(db))
            .rows[0]?.n,
        );
      const before = await paused();
      await callerAs(db, staff()).actions.pauseConnection({ id: row.id, expectedVersion: row.version, reason: "t" });
      expect(await paused()).toBe(before + 1);
      await expectRebuildAgrees(db);
    });

    it("switches the triggers off for the ingesting transaction only", async () => {
      const { db } = get();
      const pg = dbKind(db) === "postgres";
      const file = pg
        ? ""
        : ((await sql<{ file: string }>`SELECT file FROM pragma_database_list WHERE name = 'main'`.execute(db)).rows[0]
            ?.file ?? "");
      const switchedOn = async (on: DB) =>
        pg
          ? (await sql<{ v: string | null }>`SELECT current_setting('app.defer_derived', true) AS v`.execute(on))
              .rows[0]?.v === "on"
          : Number((await sql<{ n: number }>`SELECT count(*) AS n FROM derived_deferred`.execute(on)).rows[0]?.n) > 0;
      const target = await db
        .selectFrom("connections")
        .select(["id", "status"])
        .where("status", "<>", "expired")
        .orderBy("id")
        .executeTakeFirstOrThrow();
      await db
        .transaction()
        .execute(async (trx) => {
          await deferDerived(trx);
          expect(await switchedOn(trx)).toBe(true);
          if (pg) {
            // Another session meanwhile: not switched, and its own update still counts by trigger.
            expect(await switchedOn(db)).toBe(false);
            await db.updateTable("connections").set({ status: "expired" }).where("id", "=", target.id).execute();
          } else {
            // A WAL reader (another connection to the file) never sees the uncommitted switch.
            const reader = new SQLite(file, { readonly: true });
            try {
              expect(reader.prepare("SELECT count(*) AS n FROM derived_deferred").get()).toEqual({ n: 0 });
            } finally {
              reader.close();
            }
          }
          // A transaction that ends without switching back (here: rolled back) leaves it off.
          throw new RollBack();
        })
        .catch((e: unknown) => {
          if (!(e instanceof RollBack)) throw e;
        });
      for (let i = 0; i < 5; i++) expect(await switchedOn(db)).toBe(false);
      await expectRebuildAgrees(db);
    });
  },
  async ({ db }) => {
    await seedBase(db, Date.parse("2026-11-01T12:00:00Z"));
  },
);

class RollBack extends Error {}
