import fc from "fast-check";
import { sql } from "kysely";
import { expect, it } from "vitest";
import type { DB } from "../../../db";
import type { SessionUser } from "../../auth/session-user";
import { acmeAdmin, scopeAs, staff } from "../../test/callers";
import { propertySeed } from "../../test/property-seed";
import { describeEachDb } from "../../test/databases";
import { seedListFixture, type FixtureRow } from "../../test/list-fixture";
import type { ConnectionFiltersInput } from "./filters.types";
import { readConnectionsPage } from "./list-connections";
import { filtersMatch, sortRows } from "./list-reference";
import { SORT_COLUMNS, ZListConnectionsRequestSchema, type ListConnectionsRequest } from "./list.types";
import { walkKeyset } from "./search-walk";
import { maxPostings, type SearchBudget, type SearchTrace } from "./search-budget";

const NOW = Date.now();
let fixture: FixtureRow[] = [];

interface Case {
  staff: boolean;
  input: ListConnectionsRequest;
  budget: SearchBudget;
}

/** Every request stays within its budget. */
function expectWithinBudget(trace: SearchTrace, budget: SearchBudget): void {
  expect(trace.walkRows).toBeLessThanOrEqual(budget.walk);
  expect(trace.idRows).toBeLessThanOrEqual(budget.ids);
  expect(trace.postings).toBeLessThanOrEqual(maxPostings(budget));
}

async function page(db: DB, user: SessionUser, c: Case, cursor: string | null, direction: string) {
  const input = ZListConnectionsRequestSchema.parse({ ...c.input, limit: 25, cursor, direction });
  const { page, trace } = await readConnectionsPage(scopeAs(db, user), input, NOW, c.budget);
  expectWithinBudget(trace, c.budget);
  // Short only when the budget ran out, or at the end of the list.
  if (!page.partial) expect(page.rows.length === 25 || (direction === "forward" ? !page.nextCursor : true)).toBe(true);
  return page;
}

/** All pages forward, then all pages back from the last: both must give the same rows. */
async function readBothWays(db: DB, c: Case): Promise<{ forward: string[]; backward: string[] }> {
  const user = c.staff ? staff() : acmeAdmin();
  const forward: string[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < 200; i++) {
    const p = await page(db, user, c, cursor, "forward");
    forward.push(...p.rows.map((r) => r.id));
    cursor = p.nextCursor;
    if (!cursor) break;
  }
  let p = await page(db, user, c, null, "last");
  const backward = p.rows.map((r) => r.id);
  for (let i = 0; i < 200 && p.prevCursor; i++) {
    p = await page(db, user, c, p.prevCursor, "backward");
    backward.unshift(...p.rows.map((r) => r.id));
  }
  return { forward, backward };
}

function expected(c: Case): string[] {
  const { sort = "updated_at", dir = "desc", ...filters } = c.input;
  const parsed = ZListConnectionsRequestSchema.parse(filters);
  const visible = fixture.filter((r) => c.staff || r.tenant_id === "ten_acme");
  const matching = visible.filter((r) => filtersMatch(r, parsed, NOW));
  return sortRows(matching, sort, dir).map((r) => r.id);
}

const fixtureText = () =>
  fc
    .record({ row: fc.nat(59), field: fc.nat(5), start: fc.nat(20), len: fc.integer({ min: 1, max: 8 }) })
    .map(({ row, field, start, len }) => {
      const r = fixture[row]!;
      const text = [r.id, r.name, r.external_xref ?? "", r.provider, r.source_id ?? "", r.tenant_name][field]!;
      return text.slice(start % Math.max(1, text.length), (start % Math.max(1, text.length)) + len);
    });

const term = fc.oneof(
  fixtureText(),
  fixtureText().map((t) => t.toUpperCase()),
  fc.stringMatching(/^[a-z0-9 _%"-]{1,6}$/),
  fc.constantFrom("acme", "Acme Corp", "corporation", "globex", "hubspot", "cust-10", "zebra", "qz9", "fx0", "br"),
);

const FILTERS = {
  status: fc.subarray(["active", "error", "expired", "pending", "disconnected", "deauthorized"] as const, {
    minLength: 1,
  }),
  platform: fc.subarray(["codat", "unified", "generic"] as const, { minLength: 1 }),
  provider: fc.subarray(["xero", "salesforce", "hubspot", "zendesk", "nope"], { minLength: 1 }),
  tenant: fc.subarray(["ten_acme", "ten_globex", "ten_initech"], { minLength: 1 }),
  environment: fc.subarray(["production", "SANDBOX"], { minLength: 1 }),
  category: fc.subarray(["crm", "Ticketing", "accounting"], { minLength: 1 }),
  needsRelink: fc.boolean(),
  userPaused: fc.boolean(),
  platformPaused: fc.boolean(),
  hasActiveErrors: fc.boolean(),
  authExpiresWithinDays: fc.integer({ min: 0, max: 8 }),
  lastSyncOlderThanDays: fc.integer({ min: 0, max: 20 }),
  createdFrom: fc
    .integer({ min: 0, max: 60 })
    .map((d) => new Date(Date.UTC(2026, 0, 1 + d)).toISOString().slice(0, 10)),
  createdTo: fc.integer({ min: 0, max: 60 }).map((d) => new Date(Date.UTC(2026, 0, 1 + d)).toISOString().slice(0, 10)),
};
/** Up to two filters beside the search, often none. */
const filters: fc.Arbitrary<ConnectionFiltersInput> = fc
  .tuple(fc.record(FILTERS), fc.subarray(Object.keys(FILTERS) as (keyof typeof FILTERS)[], { maxLength: 2 }))
  .map(([all, keys]) => {
    const out: ConnectionFiltersInput = {};
    for (const k of keys) Object.assign(out, { [k]: all[k] });
    return out;
  });

const cases: fc.Arbitrary<Case> = fc.record({
  staff: fc.boolean(),
  input: fc
    .record({
      q: term,
      sort: fc.constantFrom(...SORT_COLUMNS),
      dir: fc.constantFrom("asc", "desc" as const),
      filters,
    })
    .map(({ filters: f, ...rest }) => ({ ...f, ...rest })),
  budget: fc.record({ walk: fc.integer({ min: 1, max: 70 }), ids: fc.integer({ min: 0, max: 70 }) }),
});

describeEachDb(
  "connections search: a row budget per request, exact results",
  (get) => {
    it("any term, sort and filters, any budget: each request within it, all pages equal a brute-force filter", async () => {
      await fc.assert(
        fc.asyncProperty(cases, async (c) => {
          const { forward, backward } = await readBothWays(get().db, c);
          const want = expected(c);
          expect(forward).toEqual(want);
          expect(backward).toEqual(want);
        }),
        { numRuns: Number(process.env.BUDGET_RUNS ?? 40), seed: propertySeed(20261202) },
      );
    }, 240_000);

    it("a common term whose matches sort last (acme by name, descending) comes back in short pages, never read whole", async () => {
      const c: Case = { staff: true, input: { q: "acme", sort: "name", dir: "desc" }, budget: { walk: 10, ids: 5 } };
      const first = await readConnectionsPage(
        scopeAs(get().db, staff()),
        ZListConnectionsRequestSchema.parse({ ...c.input, limit: 25 }),
        NOW,
        c.budget,
      );
      // Zebra, Initech and Globex names come first: the first 10 rows examined hold no match.
      expect(first.page.partial).toBe(true);
      expect(first.page.rows).toEqual([]);
      expect(first.trace.walkRows).toBe(10);
      expect(first.page.nextCursor).not.toBeNull();
      const { forward } = await readBothWays(get().db, c);
      expect(forward).toEqual(expected(c));
      expect(forward.length).toBe(fixture.filter((r) => r.tenant_id === "ten_acme").length);
    });

    it("a walk whose budget is exactly the rows left saw them all: not cut short", async () => {
      const scope = scopeAs(get().db, staff());
      // A condition no row meets: the walk examines every row its budget allows.
      const none = scope
        .connections()
        .select(["connections.id", "connections.updated_at"])
        .where(sql<boolean>`1 = 0`);
      const req = { sort: "updated_at", dir: "desc", cursor: null, reverse: false, limit: 25 } as const;
      const whole = await walkKeyset(scope, none, req, fixture.length);
      expect(whole.stoppedAt).toBeNull();
      expect(whole.examined).toBe(fixture.length);
      const short = await walkKeyset(scope, none, req, fixture.length - 1);
      expect(short.stoppedAt).not.toBeNull();
    });

    it("a rare term is answered from its id list after a short walk finds too few", async () => {
      const { page, trace } = await readConnectionsPage(
        scopeAs(get().db, staff()),
        ZListConnectionsRequestSchema.parse({ q: "cust-1012", sort: "name", dir: "desc" }),
        NOW,
        { walk: 10, ids: 5 },
      );
      expect(page.rows.map((r) => r.external_xref)).toEqual(["cust-1012"]);
      expect(trace.steps).toEqual(["walk", "probe", "ids"]);
      expect(trace.walkRows).toBe(10);
    });
  },
  async (t) => {
    fixture = await seedListFixture(t.db, NOW);
  },
);
