import {
  CompiledQuery,
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  type RootOperationNode,
  type UnknownRow,
} from "kysely";
import { expect, it } from "vitest";
import type { DB } from "../../../db";
import { acmeAdmin, scopeAs, staff } from "../../test/callers";
import { describeEachDb } from "../../test/databases";
import { seedListFixture } from "../../test/list-fixture";
import { countFacets } from "./facets";
import { ZConnectionFiltersSchema } from "./filters.types";
import { readConnectionsPage } from "./list-connections";
import { WALK_BUDGET } from "./search-budget";
import { SORT_COLUMNS, ZListConnectionsRequestSchema } from "./list.types";

const NOW = Date.now();

/** Keeps every statement a query runs, compiled, to ask SQLite how it would read it. */
class Recorder implements KyselyPlugin {
  nodes: { node: RootOperationNode; queryId: PluginTransformQueryArgs["queryId"] }[] = [];
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    this.nodes.push({ node: args.node, queryId: args.queryId });
    return args.node;
  }
  transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return Promise.resolve(args.result);
  }
}

async function plans(db: DB, recorder: Recorder): Promise<{ sql: string; plan: string[] }[]> {
  const out = [];
  for (const { node, queryId } of recorder.nodes) {
    const compiled = db.getExecutor().compileQuery(node, queryId);
    try {
      const eqp = await db.executeQuery<{ detail: string }>(
        CompiledQuery.raw(`EXPLAIN QUERY PLAN ${compiled.sql}`, [...compiled.parameters]),
      );
      out.push({ sql: compiled.sql, plan: eqp.rows.map((r) => r.detail) });
    } catch (e) {
      out.push({ sql: compiled.sql, plan: [String(e)] });
    }
  }
  return out;
}

/**
 * Each way SQLite may read `connections` in a bounded plan: along the sort (or walked date)
 * column's index, which the walk closes at the row its budget reaches (or which has fewer rows
 * than the budget left: search-walk.ts), or one lookup per listed id, or a LIMIT read of a
 * matching tenant's rows. Never another column's index, whose matches would all be read and
 * sorted, and never the table in rowid order.
 */
function expectBounded(statements: { sql: string; plan: string[] }[], index: string): void {
  for (const s of statements) {
    if (/^select from/i.test(s.sql)) continue; // compiled to learn the dialect, never run
    for (const line of s.plan.filter((l) => /\bconnections\b/.test(l))) {
      const alongIndex = new RegExp(
        `^(SEARCH|SCAN) connections USING (COVERING )?INDEX connections_(tenant_)?${index}_idx\\b`,
      );
      const byId = /^SEARCH connections USING (INDEX \w+ \((\w+=\? AND )*id=\?\)|INTEGER PRIMARY KEY)/;
      // A tenant whose name matches the term: its first cap+1 rows, in no order (search.ts).
      const tenantRows =
        /^SEARCH connections USING COVERING INDEX connections_tenant_\w+_idx \(tenant_id=\?\)$/.test(line) &&
        /limit \?$/.test(s.sql) &&
        !/order by/.test(s.sql);
      expect(alongIndex.test(line) || byId.test(line) || tenantRows, `${line}\n${s.sql}`).toBe(true);
      // A keyset bound in the statement is the index range, not a filter tested row by row.
      if (alongIndex.test(line) && s.sql.includes(`("connections"."${index}", "connections"."id")`))
        expect(line, s.sql).toContain(`(${index},id)`);
    }
  }
}

describeEachDb(
  "connections search and facets: every statement reads a bounded range (SQLite query plans)",
  (get) => {
    const recorder = new Recorder();
    const recorded = () => get().db.withPlugin(recorder);

    it.each(SORT_COLUMNS)("search walks sorted by %s read a range of that index, with any filters", async (sort) => {
      if (get().kind !== "sqlite") return;
      for (const user of [staff(), acmeAdmin()]) {
        for (const filters of [
          { status: ["active", "error"] as const, provider: ["xero"] },
          { platform: ["unified"] as const, needsRelink: false, hasActiveErrors: false, tenant: ["ten_acme"] },
          {
            createdFrom: "2026-01-05",
            lastSyncOlderThanDays: 1,
            authExpiresWithinDays: 5,
            environment: ["production"],
          },
        ]) {
          recorder.nodes = [];
          const input = { q: "acme", sort, dir: "desc" as const, ...filters };
          const first = await readConnectionsPage(
            scopeAs(recorded(), user),
            ZListConnectionsRequestSchema.parse(input),
            NOW,
            { walk: 5, ids: 2 },
          );
          // The next page starts from a cursor: a range closed at both ends.
          if (first.page.nextCursor)
            await readConnectionsPage(
              scopeAs(recorded(), user),
              ZListConnectionsRequestSchema.parse({ ...input, cursor: first.page.nextCursor }),
              NOW,
              { walk: 5, ids: 2 },
            );
          expectBounded(await plans(get().db, recorder), sort);
        }
      }
    });

    it.each(SORT_COLUMNS)(
      "filtered pages sorted by %s walk that index and test the facet filters from its entries",
      async (sort) => {
        const filterColumns = [
          "tenant_id",
          "status",
          "platform",
          "provider",
          "needs_relink",
          "user_paused",
          "platform_paused",
        ];
        if (get().kind === "postgres") {
          // PostgreSQL tests conditions on any key column inside the index (migration 0014).
          const def = await get().db.executeQuery<{ def: string }>(
            CompiledQuery.raw(
              `SELECT indexdef AS def FROM pg_indexes WHERE schemaname = current_schema() AND indexname = $1`,
              [`connections_${sort}_idx`],
            ),
          );
          const keys = /\((.*)\)$/.exec(def.rows[0]?.def ?? "")?.[1]?.split(", ") ?? [];
          expect(keys.slice(0, 2)).toEqual([sort, "id"]);
          expect(keys).toEqual(expect.arrayContaining([...filterColumns, "open_error_count"]));
          return;
        }
        const filters = { status: ["error"] as const, platform: ["codat"] as const, provider: ["xero"] };
        for (const user of [staff(), acmeAdmin()]) {
          for (const extra of [{}, { needsRelink: true, userPaused: false, platformPaused: false }]) {
            recorder.nodes = [];
            const input = ZListConnectionsRequestSchema.parse({ sort, dir: "asc", ...filters, ...extra });
            const { page } = await readConnectionsPage(scopeAs(recorded(), user), input, NOW);
            if (page.nextCursor)
              await readConnectionsPage(scopeAs(recorded(), user), { ...input, cursor: page.nextCursor }, NOW);
            expectBounded(await plans(get().db, recorder), sort);
          }
        }
        // Each filter is tested from the index entry (migration 0014): a table row is read only
        // for entries that pass, not for every entry the walk passes over.
        for (const index of [`connections_${sort}_idx`, `connections_tenant_${sort}_idx`]) {
          const columns = await get().db.executeQuery<{ name: string }>(
            CompiledQuery.raw(`SELECT name FROM pragma_index_info('${index}')`),
          );
          expect(
            columns.rows.map((c) => c.name),
            index,
          ).toEqual(expect.arrayContaining(filterColumns));
        }
      },
    );

    it("a rare term reads its rows by id", async () => {
      if (get().kind !== "sqlite") return;
      recorder.nodes = [];
      const { trace } = await readConnectionsPage(
        scopeAs(recorded(), staff()),
        ZListConnectionsRequestSchema.parse({ q: "cust-1012", sort: "name", dir: "asc", status: ["active"] }),
        NOW,
        { walk: 5, ids: 2 },
      );
      expect(trace.steps).toContain("ids");
      expectBounded(await plans(get().db, recorder), "name");
    });

    it.each([
      ["created_at", { createdFrom: "2026-01-10", createdTo: "2026-02-01", status: ["active"] as const }],
      ["auth_expires_at", { authExpiresWithinDays: 3, q: "acme" }],
      ["last_sync_at", { lastSyncOlderThanDays: 2, provider: ["xero"] }],
      ["updated_at", { q: "acme", status: ["error"] as const }],
    ] as const)("facets walk the %s index within their budget", async (index, filters) => {
      if (get().kind !== "sqlite") return;
      recorder.nodes = [];
      const { read } = await countFacets(scopeAs(recorded(), staff()), ZConnectionFiltersSchema.parse(filters), NOW, 4);
      expect(read).toBeLessThanOrEqual(4 + 1 + WALK_BUDGET);
      expectBounded(await plans(get().db, recorder), index);
    });
  },
  async (t) => {
    await seedListFixture(t.db, NOW);
  },
);
