// The connections list at scale: a search index (FTS5 trigram on SQLite, pg_trgm on
// PostgreSQL), a facet-count summary kept exact by triggers (so counts per status, provider...
// never need a scan of a million rows), indexes for the list filters, and saved views and
// per-user table preferences. Frozen: later changes are new migrations.
import { sql, type CreateTableBuilder, type Kysely } from "kysely";

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

function isPostgres(db: Kysely<any>): Promise<boolean> {
  return Promise.resolve(db.getExecutor().adapter.constructor.name.startsWith("Postgres"));
}

/** The triggers that keep the search table (SQLite) and facet counts exact (db/list-derived.ts: today's). */
async function createListTriggers(db: Kysely<any>): Promise<void> {
  const run = (text: string) => sql.raw(text).execute(db);
  if (await isPostgres(db)) {
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

async function dropListTriggers(db: Kysely<any>): Promise<void> {
  const run = (text: string) => sql.raw(text).execute(db);
  if (await isPostgres(db)) {
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

export async function up(db: Kysely<any>): Promise<void> {
  const pg = await isPostgres(db);
  const run = (text: string) => sql.raw(text).execute(db);

  // Facet summary: one row per combination of dimension values, with its connection count.
  let facets: CreateTableBuilder<"connection_facet_counts", string> = db.schema.createTable("connection_facet_counts");
  for (const d of DIMS)
    facets = facets.addColumn(
      d,
      ["needs_relink", "user_paused", "platform_paused", "has_errors"].includes(d) ? "integer" : "text",
      (c) => c.notNull(),
    );
  await facets
    .addColumn("n", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("connection_facet_counts_pk", [...DIMS])
    .execute();
  await run(
    `INSERT INTO connection_facet_counts (${DIMS.join(", ")}, n) SELECT ${dimValues("c")}, count(*) FROM connections c GROUP BY ${dimValues("c")}`,
  );

  if (pg) {
    // Installed once per database, in public, so per-test schemas never own (or drop) it.
    await run("CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public");
    await run(
      `CREATE INDEX connections_search_trgm_idx ON connections USING gin ((${searchText("")}) public.gin_trgm_ops)`,
    );
    await run(`CREATE VIEW connection_search AS SELECT c.id, ${searchText("")} AS text FROM connections c`);
    await createListTriggers(db);
  } else {
    // FTS5 trigram: any substring of 3+ characters is an index lookup. Its rowid is the
    // connection's rowid (stable: rows are never VACUUMed here; rebuild this table if they are).
    await run("CREATE VIRTUAL TABLE connection_search USING fts5(id UNINDEXED, text, tokenize = 'trigram')");
    await run(
      `INSERT INTO connection_search (rowid, id, text) SELECT c.rowid, c.id, ${searchText("c.")} FROM connections c`,
    );
    await createListTriggers(db);
  }

  // Filters that stay fast alone: case-insensitive environment, and the support queue flags.
  await run("CREATE INDEX connections_environment_idx ON connections (lower(environment))");
  await db.schema
    .createIndex("connections_needs_relink_idx")
    .on("connections")
    .columns(["needs_relink", "updated_at", "id"])
    .execute();
  await db.schema
    .createIndex("connections_open_errors_idx")
    .on("connections")
    .columns(["open_error_count", "updated_at", "id"])
    .execute();
  await db.schema
    .createIndex("connections_platform_idx")
    .on("connections")
    .columns(["platform", "updated_at", "id"])
    .execute();

  await db.schema
    .createTable("saved_views")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("table_key", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    /** the view's URL query string, exactly as the table writes it */
    .addColumn("query", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addUniqueConstraint("saved_views_user_name_unique", ["user_id", "table_key", "name"])
    .execute();

  await db.schema
    .createTable("user_table_prefs")
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("table_key", "text", (c) => c.notNull())
    /** JSON array of hidden column ids */
    .addColumn("hidden_columns", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("density", "text", (c) => c.notNull().defaultTo("comfortable"))
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("user_table_prefs_pk", ["user_id", "table_key"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  const pg = await isPostgres(db);
  const run = (text: string) => sql.raw(text).execute(db);
  await db.schema.dropTable("user_table_prefs").ifExists().execute();
  await db.schema.dropTable("saved_views").ifExists().execute();
  for (const i of [
    "connections_environment_idx",
    "connections_needs_relink_idx",
    "connections_open_errors_idx",
    "connections_platform_idx",
  ])
    await db.schema.dropIndex(i).ifExists().execute();
  await dropListTriggers(db);
  if (pg) {
    await run("DROP VIEW IF EXISTS connection_search");
    await run("DROP INDEX IF EXISTS connections_search_trgm_idx");
  } else {
    await run("DROP TABLE IF EXISTS connection_search");
  }
  await db.schema.dropTable("connection_facet_counts").ifExists().execute();
}
