import { expect, it } from "vitest";
import type { DB } from "../../../db";
import type { SessionUser } from "../../auth/session-user";
import { describeEachDb } from "../../test/databases";
import { acmeAdmin, staff, scopeAs } from "../../test/callers";
import { connectionFacets } from "./facets";
import { seedListFixture } from "../../test/list-fixture";
import { listConnections } from "./list-connections";
import { ZListConnectionsRequestSchema, type ListConnectionsRequest } from "./list.types";
import { planSearch } from "./search";
import { emptyTrace } from "./search-budget";

const NOW = Date.now();

/** Every row, page by page (25 a page), with the search probe capped at `cap`. */
async function readAll(db: DB, user: SessionUser, input: ListConnectionsRequest, cap: number): Promise<string[]> {
  const all: string[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 60; page++) {
    const res = await listConnections(
      scopeAs(db, user),
      ZListConnectionsRequestSchema.parse({ ...input, limit: 25, cursor, direction: "forward" }),
      NOW,
      cap,
    );
    all.push(...res.rows.map((r) => r.id));
    if (!res.nextCursor) break;
    cursor = res.nextCursor;
  }
  return all;
}

// Terms matching names, ids, xrefs, providers, a tenant name only ("corporation": no
// connection text has it), and two characters (no trigram).
const TERMS = ["cust", "hubspot", "globex", "Acme", "corporation", "fx0", "bR", "zebra"];

describeEachDb(
  "connections search: rare-term id list and common-term row test agree",
  (get) => {
    it.each(TERMS)(
      "%s: the row-test plan returns the same rows, in the same order, as the id-list plan",
      async (term) => {
        const { db } = get();
        for (const user of [staff(), acmeAdmin()]) {
          const rare = await planSearch(scopeAs(db, user), term, 100_000);
          expect(rare.kind).toBe("ids");
          const common = await planSearch(scopeAs(db, user), term, 0);
          if (rare.kind === "ids" && rare.ids.length > 0) expect(common.kind).toBe("scan");
          for (const [sort, dir] of [
            ["updated_at", "desc"],
            ["name", "asc"],
            ["last_sync_at", "asc"],
          ] as const) {
            const viaIds = await readAll(db, user, { q: term, sort, dir }, 100_000);
            const viaScan = await readAll(db, user, { q: term, sort, dir }, 0);
            expect(viaScan, `${term} ${sort} ${dir}`).toEqual(viaIds);
          }
        }
      },
    );

    it("the common terms above really match many rows, so both plans are exercised", async () => {
      const rows = await readAll(get().db, staff(), { q: "cust" }, 100_000);
      expect(rows.length).toBeGreaterThan(25);
    });

    it("a term naming a tenant with more rows than the cap is common without probing the search index", async () => {
      const { db } = get();
      for (const term of ["corporation", "Acme"]) {
        const trace = emptyTrace();
        const plan = await planSearch(scopeAs(db, staff()), term, 3, trace);
        expect(plan.kind, term).toBe("scan");
        expect(trace.steps, term).not.toContain("probe");
        expect(trace.postings, term).toBe(4);
        // The sample is matching rows: all the tenant's.
        if (plan.kind === "scan") expect(plan.sample).toHaveLength(4);
      }
      // A tenant with no more rows than the cap still asks the index for text matches.
      const trace = emptyTrace();
      const plan = await planSearch(scopeAs(db, staff()), "Acme", 100_000, trace);
      expect(trace.steps).toContain("probe");
      expect(plan.kind).toBe("ids");
    });

    it("facets for a common term are labelled lower bounds; for a rare one exact", async () => {
      const { db } = get();
      const exact = await connectionFacets(scopeAs(db, staff()), { q: "cust" }, NOW, 100_000);
      expect(exact.exact).toBe(true);
      expect(exact.totalExact).toBe(true);
      const capped = await connectionFacets(scopeAs(db, staff()), { q: "cust" }, NOW, 5);
      expect(capped.exact).toBe(false);
      expect(capped.totalExact).toBe(false);
      expect(capped.total).toBeLessThanOrEqual(5);
      expect(capped.total).toBeLessThan(exact.total);
      // Lower bounds: never more than the exact count of any value.
      for (const v of capped.facets.status ?? []) {
        const n = exact.facets.status?.find((e) => e.value === v.value)?.n ?? 0;
        expect(v.n).toBeLessThanOrEqual(n);
      }
    });

    it("facets for a term in many rows of a table only a little larger than the budget are exact, not a lower bound", async () => {
      // "qz9" is in 10 of the 60 rows: one row in six, so the quick walk calls it common. The
      // table (60) is larger than the budget (40), so a walk cannot see every row; but 10
      // matches fit the id budget, so the index must be asked.
      const { db } = get();
      const facets = await connectionFacets(scopeAs(db, staff()), { q: "qz9" }, NOW, 40);
      expect(facets).toMatchObject({ exact: true, totalExact: true, total: 10 });
      // A term in half the rows stays a row test: a lower bound, no index probe.
      const common = await connectionFacets(scopeAs(db, staff()), { q: "cust" }, NOW, 40);
      expect(common.totalExact).toBe(false);
    });
  },
  async (t) => {
    await seedListFixture(t.db, NOW);
  },
);
