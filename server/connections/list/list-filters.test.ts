import { expect, it } from "vitest";
import { describeEachDb } from "../../test/databases";
import { acmeAdmin, callerAs, globexAdmin, staff } from "../../test/callers";
import type { ConnectionFiltersInput } from "./filters.types";
import { FIXTURE_SIZE, seedListFixture, type FixtureRow } from "../../test/list-fixture";
import type { ConnectionListRow, ListConnectionsRequest, SortColumn } from "./list.types";

const DAY = 86_400_000;
// Whole-day offsets in the fixture are half a day from any boundary, so a test run that
// takes seconds can never move a row across one.
const NOW = Date.now();
let fixture: FixtureRow[] = [];

type Caller = ReturnType<typeof callerAs>;

async function readAll(caller: Caller, input: ListConnectionsRequest): Promise<ConnectionListRow[]> {
  const all: ConnectionListRow[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 50; page++) {
    const res = await caller.connections.list({ ...input, limit: 25, cursor, direction: "forward" });
    all.push(...res.rows);
    if (!res.nextCursor) break;
    cursor = res.nextCursor;
  }
  return all;
}

const ids = (rows: { id: string }[]) => rows.map((r) => r.id).sort();
const iso = (ms: number) => new Date(ms).toISOString();

/** Each filter, and what it must mean, written independently of the SQL. */
const CASES: [string, ConnectionFiltersInput, (r: FixtureRow) => boolean][] = [
  [
    "status (multi)",
    { status: ["expired", "deauthorized"] },
    (r) => r.status === "expired" || r.status === "deauthorized",
  ],
  ["needs relink", { needsRelink: true }, (r) => r.needs_relink === 1],
  ["not needs relink", { needsRelink: false }, (r) => r.needs_relink === 0],
  ["user paused", { userPaused: true }, (r) => r.user_paused === 1],
  ["platform paused", { platformPaused: true }, (r) => r.platform_paused === 1],
  ["provider (multi)", { provider: ["xero", "zendesk"] }, (r) => r.provider === "xero" || r.provider === "zendesk"],
  ["category, any case", { category: ["ticketing"] }, (r) => r.category === "Ticketing"],
  ["platform", { platform: ["unified"] }, (r) => r.platform === "unified"],
  ["environment, any case", { environment: ["PRODUCTION"] }, (r) => r.environment?.toLowerCase() === "production"],
  ["tenant", { tenant: ["ten_globex", "ten_initech"] }, (r) => r.tenant_id !== "ten_acme"],
  ["has active errors", { hasActiveErrors: true }, (r) => (r.open_error_count ?? 0) > 0],
  ["no active errors", { hasActiveErrors: false }, (r) => (r.open_error_count ?? 0) === 0],
  [
    "auth expires within 3 days",
    { authExpiresWithinDays: 3 },
    (r) => r.auth_expires_at !== null && r.auth_expires_at! >= iso(NOW) && r.auth_expires_at! <= iso(NOW + 3 * DAY),
  ],
  [
    "last sync older than 10 days",
    { lastSyncOlderThanDays: 10 },
    (r) => r.last_sync_at !== null && r.last_sync_at! < iso(NOW - 10 * DAY),
  ],
  [
    "created between (dates)",
    { createdFrom: "2026-01-11", createdTo: "2026-01-20" },
    (r) => r.created_at >= "2026-01-11" && r.created_at < "2026-01-21",
  ],
  ["search: name", { q: "zebra" }, (r) => r.name.toLowerCase().includes("zebra")],
  ["search: id fragment", { q: "fx04" }, (r) => r.id.includes("fx04")],
  ["search: external xref", { q: "cust-1012" }, (r) => r.external_xref === "cust-1012"],
  ["search: source id", { q: "QZ9" }, (r) => r.source_id !== null],
  ["search: provider", { q: "hubspot" }, (r) => r.provider === "hubspot"],
  [
    "search: tenant name",
    { q: "Globex" },
    (r) => r.tenant_name === "Globex" || r.name.toLowerCase().includes("globex"),
  ],
  [
    "search: two characters",
    { q: "bR" },
    (r) =>
      `${r.id} ${r.name} ${r.external_xref ?? ""} ${r.provider} ${r.source_id ?? ""} ${r.tenant_name}`
        .toLowerCase()
        .includes("br"),
  ],
  ["search: LIKE wildcards are literal", { q: "%" }, () => false],
  ["search: quotes are literal", { q: '"zebra' }, () => false],
  [
    "three combined",
    { status: ["active", "error", "pending"], platform: ["unified", "codat"], hasActiveErrors: false },
    (r) => ["active", "error", "pending"].includes(r.status) && r.platform !== "generic" && r.open_error_count === 0,
  ],
];

describeEachDb(
  "connections list: filters, search, sorts, facets",
  (get) => {
    it.each(CASES)("filter %s matches exactly the expected rows", async (_name, filters, expected) => {
      const rows = await readAll(callerAs(get().db, staff()), filters);
      const want = fixture.filter(expected);
      expect(ids(rows)).toEqual(ids(want));
    });

    it("every filter has rows on both sides, so each case above can fail", () => {
      for (const [name, , expected] of CASES.filter(([n]) => !n.includes("literal"))) {
        const n = fixture.filter(expected).length;
        expect(n, name).toBeGreaterThan(0);
        expect(n, name).toBeLessThan(FIXTURE_SIZE);
      }
    });

    it("filters never cross tenants: a tenant admin's tenant filter is intersected with the scope", async () => {
      const acme = callerAs(get().db, acmeAdmin());
      // Naming another tenant matches nothing (it must not widen the scope, nor be ignored: a bulk
      // pause by this filter would otherwise pause the caller's own rows).
      expect(await readAll(acme, { tenant: ["ten_globex"], status: ["active", "error"] })).toEqual([]);
      // Naming both keeps only the caller's own.
      const rows = await readAll(acme, { tenant: ["ten_acme", "ten_globex"], status: ["active", "error"] });
      expect(rows.length).toBeGreaterThan(0);
      expect(ids(rows)).toEqual(
        ids(fixture.filter((r) => r.tenant_id === "ten_acme" && (r.status === "active" || r.status === "error"))),
      );
      const search = await readAll(callerAs(get().db, globexAdmin()), { q: "acme" });
      expect(search).toEqual([]);
    });

    const SORTS: SortColumn[] = [
      "updated_at",
      "created_at",
      "name",
      "status",
      "provider",
      "last_sync_at",
      "auth_expires_at",
    ];
    it.each(SORTS)(
      "sort by %s, both directions: ties broken by id, nulls last, pages never skip or repeat",
      async (sort) => {
        const caller = callerAs(get().db, staff());
        for (const dir of ["asc", "desc"] as const) {
          const rows = await readAll(caller, { sort, dir });
          const key = (r: { id: string }) => {
            const v = (r as Record<string, unknown>)[sort];
            return typeof v === "string" ? v : null;
          };
          const expected = [...fixture].sort((a, b) => {
            const va = key(a);
            const vb = key(b);
            if (va === null || vb === null)
              return va === vb ? (dir === "asc" ? cmp(a.id, b.id) : cmp(b.id, a.id)) : va === null ? 1 : -1;
            const c = dir === "asc" ? cmp(va, vb) : cmp(vb, va);
            return c !== 0 ? c : dir === "asc" ? cmp(a.id, b.id) : cmp(b.id, a.id);
          });
          expect(rows.map((r) => r.id)).toEqual(expected.map((r) => r.id));
        }
      },
    );

    it("paging backwards from the last page under heavy ties returns every row once", async () => {
      const caller = callerAs(get().db, staff());
      const forward = await readAll(caller, { sort: "updated_at", dir: "asc" });
      let page = await caller.connections.list({ sort: "updated_at", dir: "asc", limit: 25, direction: "last" });
      const backward = [...page.rows];
      while (page.prevCursor) {
        page = await caller.connections.list({
          sort: "updated_at",
          dir: "asc",
          limit: 25,
          cursor: page.prevCursor,
          direction: "backward",
        });
        backward.unshift(...page.rows);
      }
      expect(backward.map((r) => r.id)).toEqual(forward.map((r) => r.id));
    });
  },
  async (t) => {
    fixture = await seedListFixture(t.db, NOW);
  },
);

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
