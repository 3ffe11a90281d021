import fc from "fast-check";
import { expect, it } from "vitest";
import type { DB } from "../../../db";
import { acmeAdmin, scopeAs, staff } from "../../test/callers";
import { propertySeed } from "../../test/property-seed";
import { describeEachDb } from "../../test/databases";
import { fixtureRow, seedListFixture } from "../../test/list-fixture";
import { createdDays } from "./facet-created";
import { countFacets, FACET_QUICK_WALK } from "./facets";
import { dateRanges } from "./filters";
import { FACET_KEYS, type FacetKey, type FacetsResponse } from "./facets.types";
import type { ConnectionFilters, ConnectionFiltersInput } from "./filters.types";
import { ZConnectionFiltersSchema } from "./filters.types";
import { filtersMatch, type ReferenceRow } from "./list-reference";
import { WALK_BUDGET } from "./search-budget";

const NOW = Date.now();
const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();

/** Every connection as the reference reads it, tenant name included. */
async function allRows(db: DB): Promise<ReferenceRow[]> {
  return db
    .selectFrom("connections")
    .innerJoin("tenants", "tenants.id", "connections.tenant_id")
    .selectAll("connections")
    .select("tenants.name as tenant_name")
    .execute();
}

function valuesOf(r: ReferenceRow, k: FacetKey): string[] {
  switch (k) {
    case "environment":
      return [(r.environment ?? "").toLowerCase()];
    case "category":
      return (JSON.parse(r.categories ?? "[]") as string[]).map((c) => c.toLowerCase());
    case "tenant":
      return [r.tenant_id];
    case "needsRelink":
      return [String(r.needs_relink)];
    case "userPaused":
      return [String(r.user_paused)];
    case "platformPaused":
      return [String(r.platform_paused)];
    case "hasActiveErrors":
      return [(r.open_error_count ?? 0) > 0 ? "1" : "0"];
    default:
      return [r[k]];
  }
}

/** Each facet counted from scratch: rows matching every filter but the facet's own. */
function recount(rows: ReferenceRow[], f: ConnectionFilters) {
  const facets = Object.fromEntries(
    FACET_KEYS.map((k) => {
      const others: ConnectionFilters = { ...f, [k]: undefined };
      const counts: Record<string, number> = {};
      for (const r of rows.filter((r) => filtersMatch(r, others, NOW)))
        for (const v of valuesOf(r, k)) counts[v] = (counts[v] ?? 0) + 1;
      return [k, counts];
    }),
  ) as Record<FacetKey, Record<string, number>>;
  return { facets, total: rows.filter((r) => filtersMatch(r, f, NOW)).length };
}

const asRecord = (res: FacetsResponse, k: FacetKey) =>
  Object.fromEntries((res.facets[k] ?? []).map((v) => [v.value, v.n]));

/** A change to the table: new rows, edited dimensions, dates or searched text, deletions. */
const op = fc.oneof(
  fc.record({ kind: fc.constant("insert" as const), seed: fc.nat(59), n: fc.nat(1_000_000) }),
  fc.record({
    kind: fc.constant("update" as const),
    pick: fc.nat(),
    set: fc.record(
      {
        status: fc.constantFrom("active", "error", "expired", "pending"),
        provider: fc.constantFrom("xero", "hubspot", "quickbooks"),
        environment: fc.constantFrom("Production", "SANDBOX", null),
        categories: fc.constantFrom('["CRM"]', '["accounting","crm"]', "[]"),
        needs_relink: fc.constantFrom(0, 1),
        user_paused: fc.constantFrom(0, 1),
        platform_paused: fc.constantFrom(0, 1),
        open_error_count: fc.constantFrom(0, 1, 3),
        tenant_id: fc.constantFrom("ten_acme", "ten_globex", "ten_initech"),
        name: fc.constantFrom("Zebra Books", "Acme ledger", "Plain"),
        last_sync_at: fc.option(fc.integer({ min: -30, max: 0 }).map((d) => iso(NOW + d * DAY - DAY / 3))),
        created_at: fc.integer({ min: 0, max: 60 }).map((d) => iso(Date.parse("2026-01-01T05:00:00Z") + d * DAY)),
      },
      { requiredKeys: [] },
    ),
  }),
  fc.record({ kind: fc.constant("delete" as const), pick: fc.nat() }),
);
type Op = typeof op extends fc.Arbitrary<infer T> ? T : never;

async function apply(db: DB, o: Op): Promise<void> {
  if (o.kind === "insert") {
    const { tenant_name: _t, category: _c, ...row } = fixtureRow(o.seed, NOW);
    await db
      .insertInto("connections")
      .values({ ...row, id: `con_new${o.n}`, platform_id: `new-${o.n}` })
      .onConflict((oc) => oc.doNothing())
      .execute();
    return;
  }
  const ids = (await db.selectFrom("connections").select("id").orderBy("id").execute()).map((r) => r.id);
  const id = ids[o.pick % Math.max(1, ids.length)];
  if (!id) return;
  if (o.kind === "delete") await db.deleteFrom("connections").where("id", "=", id).execute();
  else if (Object.keys(o.set).length) await db.updateTable("connections").set(o.set).where("id", "=", id).execute();
}

const FILTERS = {
  q: fc.constantFrom("acme", "cust-10", "zebra", "xero", "globex", "qz9", "br"),
  status: fc.subarray(["active", "error", "expired"] as const, { minLength: 1 }),
  provider: fc.subarray(["xero", "hubspot", "zendesk"], { minLength: 1 }),
  environment: fc.subarray(["production", "sandbox"], { minLength: 1 }),
  category: fc.subarray(["crm", "accounting"], { minLength: 1 }),
  tenant: fc.subarray(["ten_acme", "ten_globex"], { minLength: 1 }),
  needsRelink: fc.boolean(),
  hasActiveErrors: fc.boolean(),
  authExpiresWithinDays: fc.integer({ min: 0, max: 8 }),
  lastSyncOlderThanDays: fc.integer({ min: 0, max: 20 }),
  createdFrom: fc.integer({ min: 0, max: 60 }).map((d) => iso(Date.UTC(2026, 0, 1 + d)).slice(0, 10)),
  createdTo: fc.integer({ min: 0, max: 60 }).map((d) => iso(Date.UTC(2026, 0, 1 + d)).slice(0, 10)),
};
/** Up to three filters: facet ones, search, dates, mixed. */
const filters: fc.Arbitrary<ConnectionFiltersInput> = fc
  .tuple(fc.record(FILTERS), fc.subarray(Object.keys(FILTERS) as (keyof typeof FILTERS)[], { maxLength: 3 }))
  .map(([all, keys]) => {
    const out: ConnectionFiltersInput = {};
    for (const k of keys) Object.assign(out, { [k]: all[k] });
    return out;
  });

const check = fc.record({
  staff: fc.boolean(),
  filters,
  // Mostly a cap above the table (exact counts); sometimes a small one (lower bounds).
  cap: fc.oneof({ weight: 3, arbitrary: fc.constant(1_000) }, fc.integer({ min: 1, max: 12 })),
});

describeEachDb(
  "facet counts equal a full recount after random inserts, updates and deletes",
  (get) => {
    it("the summary table, and every facet for any filters: exact, or lower bounds saying so, within the budget", async () => {
      const db = get().db;
      await fc.assert(
        fc.asyncProperty(
          fc.array(op, { minLength: 1, maxLength: 6 }),
          fc.array(check, { maxLength: 3 }),
          async (ops, checks) => {
            for (const o of ops) await apply(db, o);
            const rows = await allRows(db);
            // The trigger-maintained summary, against a GROUP BY of its own.
            const summary = await db.selectFrom("connection_facet_counts").selectAll().where("n", ">", 0).execute();
            const fromSummary: Record<string, number> = {};
            for (const s of summary) {
              const k = [
                s.tenant_id,
                s.status,
                s.provider,
                s.platform,
                s.environment,
                s.categories,
                s.needs_relink,
                s.user_paused,
                s.platform_paused,
                s.has_errors,
              ].join("|");
              fromSummary[k] = (fromSummary[k] ?? 0) + s.n;
            }
            const fromRows: Record<string, number> = {};
            for (const r of rows) {
              const k = [
                r.tenant_id,
                r.status,
                r.provider,
                r.platform,
                (r.environment ?? "").toLowerCase(),
                (r.categories ?? "").toLowerCase(),
                r.needs_relink,
                r.user_paused,
                r.platform_paused,
                (r.open_error_count ?? 0) > 0 ? 1 : 0,
              ].join("|");
              fromRows[k] = (fromRows[k] ?? 0) + 1;
            }
            expect(fromSummary).toEqual(fromRows);
            // The per-creation-day marginals, against the same recount one facet at a time.
            const marginals: Record<string, number> = {};
            for (const m of await db.selectFrom("connection_created_facets").selectAll().where("n", ">", 0).execute())
              marginals[[m.tenant_id, m.day, m.facet, m.value].join("|")] = m.n;
            const marginalRows: Record<string, number> = {};
            for (const r of rows)
              for (const k of FACET_KEYS.filter((k) => k !== "tenant")) {
                const v = k === "category" ? (r.categories ?? "").toLowerCase() : valuesOf(r, k)[0];
                const key = [r.tenant_id, r.created_at.slice(0, 10), k, v].join("|");
                marginalRows[key] = (marginalRows[key] ?? 0) + 1;
              }
            expect(marginals).toEqual(marginalRows);

            for (const c of checks) {
              const f = ZConnectionFiltersSchema.parse(c.filters);
              const user = c.staff ? staff() : acmeAdmin();
              const visible = rows.filter((r) => c.staff || r.tenant_id === "ten_acme");
              const truth = recount(visible, f);
              const { response: res, read } = await countFacets(scopeAs(db, user), f, NOW, c.cap);
              // Bounded: a search's short walk, the sample (at most the cap), the total (one walk as long).
              expect(read).toBeLessThanOrEqual(
                Math.min(FACET_QUICK_WALK, c.cap) + c.cap + 1 + Math.min(WALK_BUDGET, c.cap),
              );
              for (const k of FACET_KEYS) {
                if (res.exact) expect(asRecord(res, k), k).toEqual(truth.facets[k]);
                else
                  for (const [v, n] of Object.entries(asRecord(res, k)))
                    expect(n).toBeLessThanOrEqual(truth.facets[k][v] ?? 0);
              }
              if (res.totalExact) expect(res.total).toBe(truth.total);
              else expect(res.total).toBeLessThanOrEqual(Math.min(truth.total, c.cap));
              if (res.exact) expect(res.totalExact).toBe(true);
              // A created range in whole days alone: the marginals, exact, no connection read.
              if (createdDays(f)) expect([res.exact, read]).toEqual([true, 0]);
              // A lone relative date filter: the exact total from the time buckets.
              const set = Object.keys(c.filters);
              if (set.length === 1 && (set[0] === "authExpiresWithinDays" || set[0] === "lastSyncOlderThanDays"))
                expect(res.totalExact).toBe(true);
              // A date range without a search is one walk: no second read for the total.
              if (!f.q && dateRanges(f, NOW).length > 0) expect(read).toBeLessThanOrEqual(c.cap);
            }
          },
        ),
        { numRuns: Number(process.env.FACET_RUNS ?? 30), seed: propertySeed(20261202) },
      );
    }, 300_000);
  },
  async (t) => {
    await seedListFixture(t.db, NOW);
  },
);
