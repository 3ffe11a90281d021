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
    ...(await errorSummaries(db)),
  };
}

/**
 * The errors' summaries as operations-summaries.test.ts compares them: first and last seen stay
 * when errors leave a group (the triggers keep them), so they are left out, as are rows a
 * decrement left at zero and catalogue groups no connection has an active error in.
 */
async function errorSummaries(db: DB) {
  const rows = async (text: string) => (await sql.raw<Record<string, unknown>>(text).execute(db)).rows;
  return {
    members: await rows("SELECT error_id, group_id, tenant_id FROM ops_error_members ORDER BY error_id"),
    errorDays: await rows(
      "SELECT * FROM ops_error_days WHERE created_n <> 0 OR resolved_n <> 0 ORDER BY tenant_id, day",
    ),
    groupTenants: await rows(
      "SELECT group_id, tenant_id, active_n, connections_n FROM ops_error_group_tenants WHERE active_n <> 0 OR connections_n <> 0 ORDER BY group_id, tenant_id",
    ),
    groupConnections: await rows("SELECT * FROM ops_error_group_connections ORDER BY group_id, connection_id"),
    groupDays: await rows("SELECT * FROM ops_error_group_days WHERE n <> 0 ORDER BY group_id, tenant_id, day"),
    groups: await rows(
      "SELECT * FROM ops_error_groups WHERE id IN (SELECT group_id FROM ops_error_group_connections) ORDER BY id",
    ),
  };
}

async function expectRebuildAgrees(db: DB) {
  const kept = await derived(db);
  await rebuildListDerived(db);
  await rebuildOperationsDerived(db);
  expect(kept).toEqual(await derived(db));
}

const ERRORS = [
  { statusCode: "401", erroredOnUtc: "2026-11-01T08:00:00Z" },
  { statusCode: "500", erroredOnUtc: "2026-11-02T09:30:00Z" },
  { statusCode: "429", erroredOnUtc: "2026-11-03T10:45:00Z" },
];
/** Messages whose shapes collide or differ (a later import rewording an error moves its group). */
const MESSAGES = [
  "Token expired",
  "Token expired at 2026-11-21T10:00:00.000Z",
  "Token expired at 2026-11-22T11:00:00+01:00",
  "Upstream failed for con_8f2a91c3 after 30s",
  "Upstream failed for con_1a2b3c4d after 45s",
  "Too many requests: 60 per minute, see https://status.example.com/x?y=1",
  "",
];
const record = (run: number) =>
  fc
    .record({
      n: fc.integer({ min: 0, max: 5 }),
      platformName: fc.constantFrom("Xero", "Pandle", "Sage Intacct"),
      status: fc.constantFrom("PendingAuth", "Linked", "Unlinked", "Deauthorized", "NotAStatus"),
      sourceType: fc.constantFrom("Accounting", "Banking"),
      lastSync: fc.constantFrom(undefined, "2026-11-19T10:00:00Z", "2026-11-19T10:00:30Z", "2026-11-18T23:59:00Z"),
      errors: fc.array(
        fc.tuple(
          fc.constantFrom(0, 1, 2),
          fc.record({
            status: fc.constantFrom("Active", "Resolved"),
            message: fc.integer({ min: 0, max: MESSAGES.length - 1 }),
          }),
        ),
        { maxLength: 3 },
      ),
    })
    .map(({ n, errors, lastSync, ...fields }) => ({
      id: `derived-${run}-${n}`,
      integrationId: "bf083d72-62c7-493e-aec9-81b4dbba7e2c",
      sourceId: `source-${n}`,
      linkUrl: "https://link.codat.io/start",
      created: "2026-10-01T00:00:00Z",
      ...fields,
      ...(lastSync === undefined ? {} : { lastSync }),
      dataConnectionErrors: [...new Map(errors).entries()].map(([e, { status, message }]) => ({
        ...ERRORS[e],
        errorMessage: MESSAGES[message],
        status,
        ...(status === "Resolved" ? { resolvedOnUtc: "2026-11-04T00:00:00Z" } : {}),
      })),
    }));

const standaloneError = (run: number) =>
  fc
    .record({
      n: fc.integer({ min: 0, max: 5 }),
      e: fc.constantFrom(0, 1, 2),
      status: fc.constantFrom("Active", "Resolved"),
      message: fc.integer({ min: 0, max: MESSAGES.length - 1 }),
    })
    .map(({ n, e, status, message }) => ({
      connectionId: `derived-${run}-${n}`,
      ...ERRORS[e],
      errorMessage: MESSAGES[message],
      status,
      ...(status === "Resolved" ? { resolvedOnUtc: "2026-11-05T00:00:00Z" } : {}),
    }));

describeEachDb(
  "ingest keeps derived data per batch",
  (get) => {
    it("equals a full recomputation after random batches", async () => {
      const { db } = get();
      const tenants = [await tenantRow(db, "acme"), await tenantRow(db, "globex")];
      let run = 0;
      let written = 0;
      let errorsWritten = 0;
      await fc.assert(
        fc.asyncProperty(
          fc.integer({ min: 1, max: 2 }).chain((r) =>
            fc.array(
              fc.record({
                records: fc.array(record(r), { minLength: 1, maxLength: 8 }),
                // Errors pushed on their own afterwards (POST /api/ingest/errors), some for
                // connections not imported (rejected).
                errors: fc.array(standaloneError(r), { maxLength: 6 }),
                batchSize: fc.integer({ min: 1, max: 6 }),
                tenant: fc.constantFrom(0, 1),
              }),
              { minLength: 1, maxLength: 5 },
            ),
          ),
          async (imports) => {
            run += 1;
            for (const { records, errors, batchSize, tenant } of imports) {
              const text = JSON.stringify(records.map((r) => ({ ...r, id: `${r.id}-${run}` })));
              const { counts } = await ingestText(db, "codat", text, {
                tenant: tenants[tenant],
                batchSize,
                now: () => NOW,
              });
              written += counts.accepted + counts.updated;
              if (errors.length === 0) continue;
              const pushed = JSON.stringify(errors.map((e) => ({ ...e, connectionId: `${e.connectionId}-${run}` })));
              const result = await ingestText(db, "codat", pushed, { kind: "errors", batchSize, now: () => NOW });
              errorsWritten += result.counts.accepted + result.counts.updated;
            }
            await expectRebuildAgrees(db);
          },
        ),
        { numRuns: RUNS, seed: SEED },
      );
      expect(written).toBeGreaterThan(RUNS);
      expect(errorsWritten).toBeGreaterThan(0);
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
