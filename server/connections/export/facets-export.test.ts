import { expect, it } from "vitest";
import { describeEachDb } from "../../test/databases";
import { acmeAdmin, acmeViewer, callerAs, globexAdmin, staff, scopeAs } from "../../test/callers";
import { exportConnectionsResponse } from "./export-response";
import { connectionFacets } from "../list/facets";
import type { FacetKey, FacetsResponse } from "../list/facets.types";
import { seedListFixture, type FixtureRow } from "../../test/list-fixture";

const NOW = Date.now();
let fixture: FixtureRow[] = [];

/** Counts per value of one dimension over the rows passing `others` (the other filters). */
function countBy(
  rows: FixtureRow[],
  key: (r: FixtureRow) => string,
  others: (r: FixtureRow) => boolean,
): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of rows.filter(others)) out[key(r)] = (out[key(r)] ?? 0) + 1;
  return out;
}
const asRecord = (facet: FacetsResponse["facets"][FacetKey] | undefined) =>
  Object.fromEntries((facet ?? []).filter((v) => v.n > 0).map((v) => [v.value, v.n]));

describeEachDb(
  "connections facets and export",
  (get) => {
    it("facet counts from the summary follow the other filters, exactly", async () => {
      const res = await callerAs(get().db, staff()).connections.facets({
        status: ["error", "expired"],
        platform: ["unified"],
      });
      expect(res.exact).toBe(true);
      const isUnified = (r: FixtureRow) => r.platform === "unified";
      const isErrExp = (r: FixtureRow) => r.status === "error" || r.status === "expired";
      // status counts ignore the status filter but follow the platform filter, and vice versa
      expect(asRecord(res.facets.status)).toEqual(countBy(fixture, (r) => r.status, isUnified));
      expect(asRecord(res.facets.platform)).toEqual(countBy(fixture, (r) => r.platform, isErrExp));
      expect(asRecord(res.facets.provider)).toEqual(
        countBy(
          fixture,
          (r) => r.provider,
          (r) => isUnified(r) && isErrExp(r),
        ),
      );
      expect(asRecord(res.facets.environment)).toEqual(
        countBy(
          fixture,
          (r) => (r.environment ?? "").toLowerCase(),
          (r) => isUnified(r) && isErrExp(r),
        ),
      );
      expect(asRecord(res.facets.needsRelink)).toEqual(
        countBy(
          fixture,
          (r) => String(r.needs_relink),
          (r) => isUnified(r) && isErrExp(r),
        ),
      );
      expect(res.total).toBe(fixture.filter((r) => isUnified(r) && isErrExp(r)).length);
      expect(res.totalExact).toBe(true);
    });

    it("facet counts with a search term count the matching rows (below the cap: exact)", async () => {
      const res = await callerAs(get().db, staff()).connections.facets({ q: "cust-10", hasActiveErrors: true });
      expect(res.exact).toBe(true);
      const matches = (r: FixtureRow) => (r.external_xref ?? "").includes("cust-10");
      expect(asRecord(res.facets.hasActiveErrors)).toEqual(
        countBy(fixture, (r) => ((r.open_error_count ?? 0) > 0 ? "1" : "0"), matches),
      );
      expect(asRecord(res.facets.tenant)).toEqual(
        countBy(
          fixture,
          (r) => r.tenant_id,
          (r) => matches(r) && (r.open_error_count ?? 0) > 0,
        ),
      );
      expect(res.facets.tenant?.find((v) => v.value === "ten_acme")?.label).toBe("Acme Corporation");
      expect(res.total).toBe(fixture.filter((r) => matches(r) && (r.open_error_count ?? 0) > 0).length);
    });

    it("past the cap, counts are flagged as lower bounds and never exceed the truth", async () => {
      const res = await connectionFacets(scopeAs(get().db, staff()), { q: "cust", status: ["active"] }, Date.now(), 10);
      expect(res.exact).toBe(false);
      const matching = fixture.filter((r) => (r.external_xref ?? "").includes("cust"));
      const active = matching.filter((r) => r.status === "active").length;
      // A lower bound from the rows read (at most the cap), exact only when it says so.
      expect(res.total).toBeLessThanOrEqual(Math.min(active, 10));
      if (res.totalExact) expect(res.total).toBe(active);
      const truth = countBy(
        matching,
        (r) => r.status,
        () => true,
      );
      for (const v of res.facets.status ?? []) expect(v.n).toBeLessThanOrEqual(truth[v.value] ?? 0);
    });

    it("facet counts are tenant scoped, with and without search", async () => {
      for (const input of [{}, { q: "cust" }]) {
        const res = await callerAs(get().db, acmeAdmin()).connections.facets(input);
        expect(res.facets.tenant?.map((v) => v.value)).toEqual(["ten_acme"]);
        const acme = fixture.filter(
          (r) => r.tenant_id === "ten_acme" && (!("q" in input) || (r.external_xref ?? "").includes("cust")),
        );
        expect(res.total).toBe(acme.length);
        expect(asRecord(res.facets.status)).toEqual(
          countBy(
            acme,
            (r) => r.status,
            () => true,
          ),
        );
      }
    });

    it("facet counts stay exact after inserts, updates and deletes (trigger-maintained)", async () => {
      const db = get().db;
      const row = fixture[5]!;
      await db
        .updateTable("connections")
        .set({ status: "active", open_error_count: 0 })
        .where("id", "=", row.id)
        .execute();
      let res = await callerAs(db, staff()).connections.facets({});
      const after = fixture.map((r) => (r.id === row.id ? { ...r, status: "active" as const } : r));
      expect(asRecord(res.facets.status)).toEqual(
        countBy(
          after,
          (r) => r.status,
          () => true,
        ),
      );
      await db
        .updateTable("connections")
        .set({ status: row.status, open_error_count: row.open_error_count })
        .where("id", "=", row.id)
        .execute();
      res = await callerAs(db, staff()).connections.facets({});
      expect(asRecord(res.facets.status)).toEqual(
        countBy(
          fixture,
          (r) => r.status,
          () => true,
        ),
      );
      expect(res.total).toBe(fixture.length);
    });

    it("export streams the whole filtered list as CSV and JSON, tenant scoped", async () => {
      const db = get().db;
      const text = async (res: Response) => {
        expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="connections-/);
        return res.text();
      };
      const csv = await text(
        exportConnectionsResponse(
          scopeAs(db, staff()),
          { filters: { status: ["active", "error"] }, sort: "name", dir: "asc" },
          "csv",
        ),
      );
      const lines = csv.trimEnd().split("\r\n");
      expect(lines[0]).toMatch(/^id,name,tenant_id,/);
      const wantIds = fixture.filter((r) => r.status === "active" || r.status === "error").map((r) => r.id);
      expect(
        lines
          .slice(1)
          .map((l) => l.split(",")[0])
          .sort(),
      ).toEqual(wantIds.sort());

      const json: { id: string; tenant_id: string }[] = JSON.parse(
        await text(
          exportConnectionsResponse(
            scopeAs(db, globexAdmin()),
            { filters: {}, sort: "updated_at", dir: "desc" },
            "json",
          ),
        ),
      );
      expect(json.map((r) => r.id).sort()).toEqual(
        fixture
          .filter((r) => r.tenant_id === "ten_globex")
          .map((r) => r.id)
          .sort(),
      );
      expect(JSON.stringify(json)).not.toContain("credentials");

      const none: unknown = JSON.parse(
        await text(
          exportConnectionsResponse(
            scopeAs(db, acmeViewer()),
            { filters: { tenant: ["ten_globex"], q: "globex" }, sort: "name", dir: "asc" },
            "json",
          ),
        ),
      );
      expect(none).toEqual([]);
    });

    it("saved views and table preferences are per user", async () => {
      const db = get().db;
      const me = callerAs(db, acmeAdmin());
      const saved = await me.views.save({
        table: "connections",
        name: "Broken Xero",
        query: "status=error&provider=xero",
      });
      await me.views.save({ table: "connections", name: "Broken Xero", query: "status=error,expired&provider=xero" });
      expect(await me.views.list({ table: "connections" })).toEqual([
        expect.objectContaining({ id: saved.id, name: "Broken Xero", query: "status=error,expired&provider=xero" }),
      ]);
      expect(await callerAs(db, globexAdmin()).views.list({ table: "connections" })).toEqual([]);
      await expect(callerAs(db, globexAdmin()).views.remove({ id: saved.id })).rejects.toMatchObject({
        code: "NOT_FOUND",
      });
      await me.views.remove({ id: saved.id });
      expect(await me.views.list({ table: "connections" })).toEqual([]);

      const defaults = await me.views.prefs({ table: "connections" });
      expect(defaults.density).toBe("comfortable");
      await me.views.setPrefs({ table: "connections", hiddenColumns: ["platform"], density: "compact" });
      expect(await me.views.prefs({ table: "connections" })).toEqual({
        hiddenColumns: ["platform"],
        density: "compact",
      });
      expect(await callerAs(db, acmeViewer()).views.prefs({ table: "connections" })).toEqual(defaults);
    });
  },
  async (t) => {
    fixture = await seedListFixture(t.db, NOW);
  },
);
