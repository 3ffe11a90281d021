// The connections list's derived data — the search table (SQLite) and the facet counts — and
// the triggers that keep it exact, as the current schema has them, so that a bulk load (the
// million-row demo seed) can drop the triggers, load, then rebuild everything in one pass.
// Migration 0002 created them from its own frozen copy; a migration that changes them changes
// this module too (the bulk-seed test checks both give the same triggers).
import { sql } from "kysely";
import { dbKind, type DB } from "./index";

/** Dimensions of the facet summary: every cheap, low-cardinality filter. */
const DIMS = [
  "tenant_id",
  "status",
  "provider",
  "platform",
  "environment",
  "categories",
  "needs_relink",
  "user_paused",
  "platform_paused",
  "has_errors",
] as const;
const dimValues = (r: string) =>
  `${r}.tenant_id, ${r}.status, ${r}.provider, ${r}.platform, lower(coalesce(${r}.environment, '')), lower(${r}.categories), ${r}.needs_relink, ${r}.user_paused, ${r}.platform_paused, CASE WHEN ${r}.open_error_count > 0 THEN 1 ELSE 0 END`;
const dimMatch = (r: "new" | "old") =>
  `tenant_id = ${r}.tenant_id AND status = ${r}.status AND provider = ${r}.provider AND platform = ${r}.platform AND environment = lower(coalesce(${r}.environment, '')) AND categories = lower(${r}.categories) AND needs_relink = ${r}.needs_relink AND user_paused = ${r}.user_paused AND platform_paused = ${r}.platform_paused AND has_errors = CASE WHEN ${r}.open_error_count > 0 THEN 1 ELSE 0 END`;
const dimsChanged = `old.tenant_id <> new.tenant_id OR old.status <> new.status OR old.provider <> new.provider OR old.platform <> new.platform OR lower(coalesce(old.environment, '')) <> lower(coalesce(new.environment, '')) OR lower(old.categories) <> lower(new.categories) OR old.needs_relink <> new.needs_relink OR old.user_paused <> new.user_paused OR old.platform_paused <> new.platform_paused OR (old.open_error_count > 0) <> (new.open_error_count > 0)`;
const increment = (r: "new") =>
  `INSERT INTO connection_facet_counts (${DIMS.join(", ")}, n) VALUES (${dimValues(r)}, 1) ON CONFLICT (${DIMS.join(", ")}) DO UPDATE SET n = connection_facet_counts.n + 1`;
const decrement = `UPDATE connection_facet_counts SET n = n - 1 WHERE ${dimMatch("old")}`;
/** The searchable text of a row; `p` is a column prefix such as "new." or "" (unqualified). */
const searchText = (p: string) =>
  `lower(${p}id || ' ' || ${p}name || ' ' || coalesce(${p}external_xref, '') || ' ' || ${p}provider || ' ' || coalesce(${p}source_id, ''))`;

/** The triggers that keep the search table (SQLite) and facet counts exact. */
export async function createListTriggers(db: DB): Promise<void> {
  const run = (text: string) => sql.raw(text).execute(db);
  if (dbKind(db) === "postgres") {
    await run(`CREATE FUNCTION connection_facets_sync() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP IN ('UPDATE', 'DELETE') THEN ${decrement}; END IF;
        IF TG_OP IN ('UPDATE', 'INSERT') THEN ${increment("new")}; END IF;
        RETURN NULL;
      END $$`);
    await run(
      "CREATE TRIGGER connection_facets_insert_delete AFTER INSERT OR DELETE ON connections FOR EACH ROW EXECUTE FUNCTION connection_facets_sync()",
    );
    await run(
      `CREATE TRIGGER connection_facets_update AFTER UPDATE ON connections FOR EACH ROW WHEN (${dimsChanged}) EXECUTE FUNCTION connection_facets_sync()`,
    );
    return;
  }
  await run(
    `CREATE TRIGGER connection_search_insert AFTER INSERT ON connections BEGIN INSERT INTO connection_search (rowid, id, text) VALUES (new.rowid, new.id, ${searchText("new.")}); END`,
  );
  await run(
    `CREATE TRIGGER connection_search_update AFTER UPDATE OF id, name, external_xref, provider, source_id ON connections BEGIN DELETE FROM connection_search WHERE rowid = old.rowid; INSERT INTO connection_search (rowid, id, text) VALUES (new.rowid, new.id, ${searchText("new.")}); END`,
  );
  await run(
    "CREATE TRIGGER connection_search_delete AFTER DELETE ON connections BEGIN DELETE FROM connection_search WHERE rowid = old.rowid; END",
  );
  await run(`CREATE TRIGGER connection_facets_insert AFTER INSERT ON connections BEGIN ${increment("new")}; END`);
  await run(`CREATE TRIGGER connection_facets_delete AFTER DELETE ON connections BEGIN ${decrement}; END`);
  await run(
    `CREATE TRIGGER connection_facets_update AFTER UPDATE ON connections WHEN ${dimsChanged} BEGIN ${decrement}; ${increment("new")}; END`,
  );
}

export async function dropListTriggers(db: DB): Promise<void> {
  const run = (text: string) => sql.raw(text).execute(db);
  if (dbKind(db) === "postgres") {
    await run("DROP TRIGGER IF EXISTS connection_facets_insert_delete ON connections");
    await run("DROP TRIGGER IF EXISTS connection_facets_update ON connections");
    await run("DROP FUNCTION IF EXISTS connection_facets_sync()");
    return;
  }
  for (const t of [
    "connection_search_insert",
    "connection_search_update",
    "connection_search_delete",
    "connection_facets_insert",
    "connection_facets_delete",
    "connection_facets_update",
  ])
    await run(`DROP TRIGGER IF EXISTS ${t}`);
}

/** Recomputes the search table (SQLite) and the facet counts from the connections table. */
export async function rebuildListDerived(db: DB): Promise<void> {
  const run = (text: string) => sql.raw(text).execute(db);
  await run("DELETE FROM connection_facet_counts");
  await run(
    `INSERT INTO connection_facet_counts (${DIMS.join(", ")}, n) SELECT ${dimValues("c")}, count(*) FROM connections c GROUP BY ${dimValues("c")}`,
  );
  if (dbKind(db) === "postgres") return;
  await run("DELETE FROM connection_search");
  await run(
    `INSERT INTO connection_search (rowid, id, text) SELECT c.rowid, c.id, ${searchText("c.")} FROM connections c`,
  );
}
