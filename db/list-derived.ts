// The connections list's derived data — the search table (SQLite) and the facet counts — and
// the triggers that keep it exact, as the current schema has them, so that a bulk load (the
// million-row demo seed) can drop the triggers, load, then rebuild everything in one pass.
// Migration 0002 created them, 0011 made ingest able to defer them and 0013 added the facet
// counts per creation day (their frozen copies give the trigger text here); a migration that
// changes them changes this module too (the bulk-seed test checks both give the same triggers).
import { sql } from "kysely";
import { dbKind, type DB } from "./index";
import { FACET_DIMS } from "./facet-dims";
import {
  deferrable,
  listTriggerDrops,
  listTriggerStatements,
} from "./migrations/2026-12-02-0011-ingest-defers-derived";
import {
  createdFacetRebuildStatements,
  createdFacetTriggerDrops,
  createdFacetTriggerStatements,
} from "./migrations/2026-12-02-0013-created-facets";

export { FACET_DIMS };
/** Each dimension's value for the row `r` (a table alias). */
export const facetDimExprs = (r: string) => [
  `${r}.tenant_id`,
  `${r}.status`,
  `${r}.provider`,
  `${r}.platform`,
  `lower(coalesce(${r}.environment, ''))`,
  `lower(${r}.categories)`,
  `${r}.needs_relink`,
  `${r}.user_paused`,
  `${r}.platform_paused`,
  `CASE WHEN ${r}.open_error_count > 0 THEN 1 ELSE 0 END`,
];
const dimValues = (r: string) => facetDimExprs(r).join(", ");
/** The searchable text of a row; `p` is a column prefix such as "new." or "" (unqualified). */
export const searchText = (p: string) =>
  `lower(${p}id || ' ' || ${p}name || ' ' || coalesce(${p}external_xref, '') || ' ' || ${p}provider || ' ' || coalesce(${p}source_id, ''))`;

/** The triggers that keep the search table (SQLite) and facet counts exact (ingest defers them). */
export async function createListTriggers(db: DB): Promise<void> {
  const pg = dbKind(db) === "postgres";
  for (const s of deferrable([...listTriggerStatements(pg), ...createdFacetTriggerStatements(pg)], pg))
    await sql.raw(s).execute(db);
}

export async function dropListTriggers(db: DB): Promise<void> {
  const pg = dbKind(db) === "postgres";
  for (const s of [...listTriggerDrops(pg), ...createdFacetTriggerDrops(pg)]) await sql.raw(s).execute(db);
}

/** Recomputes the search table (SQLite) and the facet counts from the connections table. */
export async function rebuildListDerived(db: DB): Promise<void> {
  const run = (text: string) => sql.raw(text).execute(db);
  await run("DELETE FROM connection_facet_counts");
  await run(
    `INSERT INTO connection_facet_counts (${FACET_DIMS.join(", ")}, n) SELECT ${dimValues("c")}, count(*) FROM connections c GROUP BY ${dimValues("c")}`,
  );
  await rebuildCreatedFacets(db);
  await rebuildSearch(db);
}

/** Recomputes the per-day created-date facets (migration 0013) from the connections table. */
export async function rebuildCreatedFacets(db: DB): Promise<void> {
  for (const s of createdFacetRebuildStatements()) await sql.raw(s).execute(db);
}

/** Recomputes the search table from the connections table (SQLite; PostgreSQL searches the rows). */
export async function rebuildSearch(db: DB): Promise<void> {
  if (dbKind(db) === "postgres") return;
  const run = (text: string) => sql.raw(text).execute(db);
  await run("DELETE FROM connection_search");
  await run(
    `INSERT INTO connection_search (rowid, id, text) SELECT c.rowid, c.id, ${searchText("c.")} FROM connections c`,
  );
}
