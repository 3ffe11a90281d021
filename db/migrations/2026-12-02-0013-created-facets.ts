// Facet counts per creation day: for each tenant, UTC day of created_at, facet and value, how
// many connections. The list's facets for a created-date range (and a tenant filter) then come
// from summing a few thousand of these rows instead of reading the connections created in it.
// They are marginals (one facet at a time), exact when no other facet filter applies; a joint
// summary per day would hold about one row per connection. Kept exact by triggers (deferrable by
// ingest like 0011's, which then keeps them per batch: server/ingest/derived-batch.ts) and rebuilt
// by bulk loads (db/list-derived.ts). Frozen once landed.
import { sql, type Kysely } from "kysely";
import { deferrable, deferrableDrops } from "./2026-12-02-0011-ingest-defers-derived";

function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter.constructor.name.startsWith("Postgres");
}

/** Facet name → its value for the row `r`, as text (categories: the lower-cased JSON array). */
export const createdFacetExprs = (r: string): [string, string][] => [
  ["status", `${r}.status`],
  ["provider", `${r}.provider`],
  ["platform", `${r}.platform`],
  ["environment", `lower(coalesce(${r}.environment, ''))`],
  ["category", `lower(${r}.categories)`],
  ["needsRelink", `CAST(${r}.needs_relink AS TEXT)`],
  ["userPaused", `CAST(${r}.user_paused AS TEXT)`],
  ["platformPaused", `CAST(${r}.platform_paused AS TEXT)`],
  ["hasActiveErrors", `CASE WHEN ${r}.open_error_count > 0 THEN '1' ELSE '0' END`],
];
export const createdDay = (r: string) => `substr(${r}.created_at, 1, 10)`;

const pairs = (r: string) =>
  createdFacetExprs(r)
    .map(([f, e]) => `SELECT '${f}' AS f, ${e} AS v`)
    .join(" UNION ALL ");
const increment = `INSERT INTO connection_created_facets (tenant_id, day, facet, value, n) SELECT new.tenant_id, ${createdDay("new")}, p.f, p.v, 1 FROM (${pairs("new")}) p WHERE true ON CONFLICT (tenant_id, day, facet, value) DO UPDATE SET n = connection_created_facets.n + 1`;
const decrement = `UPDATE connection_created_facets SET n = n - 1 WHERE tenant_id = old.tenant_id AND day = ${createdDay("old")} AND (facet, value) IN (${pairs("old")})`;
const changed = `old.tenant_id <> new.tenant_id OR ${createdDay("old")} <> ${createdDay("new")} OR ${createdFacetExprs(
  "old",
)
  .map(([, e], i) => `${e} <> ${createdFacetExprs("new")[i]![1]}`)
  .join(" OR ")}`;

/** The triggers, unguarded (pass them through 0011's `deferrable`). */
export function createdFacetTriggerStatements(pg: boolean): string[] {
  if (pg)
    return [
      `CREATE FUNCTION connection_created_facets_sync() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP IN ('UPDATE', 'DELETE') THEN ${decrement}; END IF;
        IF TG_OP IN ('UPDATE', 'INSERT') THEN ${increment}; END IF;
        RETURN NULL;
      END $$`,
      "CREATE TRIGGER connection_created_facets_insert_delete AFTER INSERT OR DELETE ON connections FOR EACH ROW EXECUTE FUNCTION connection_created_facets_sync()",
      `CREATE TRIGGER connection_created_facets_update AFTER UPDATE ON connections FOR EACH ROW WHEN (${changed}) EXECUTE FUNCTION connection_created_facets_sync()`,
    ];
  return [
    `CREATE TRIGGER connection_created_facets_insert AFTER INSERT ON connections BEGIN ${increment}; END`,
    `CREATE TRIGGER connection_created_facets_delete AFTER DELETE ON connections BEGIN ${decrement}; END`,
    `CREATE TRIGGER connection_created_facets_update AFTER UPDATE ON connections WHEN ${changed} BEGIN ${decrement}; ${increment}; END`,
  ];
}

export function createdFacetTriggerDrops(pg: boolean): string[] {
  if (pg)
    return [
      "DROP TRIGGER IF EXISTS connection_created_facets_insert_delete ON connections",
      "DROP TRIGGER IF EXISTS connection_created_facets_update ON connections",
      ...deferrableDrops(["connection_created_facets"], pg),
      "DROP FUNCTION IF EXISTS connection_created_facets_sync()",
    ];
  return ["insert", "delete", "update"].map((t) => `DROP TRIGGER IF EXISTS connection_created_facets_${t}`);
}

/** Recomputes the table from the connections. */
export function createdFacetRebuildStatements(): string[] {
  const selects = createdFacetExprs("c").map(
    ([f, e]) =>
      `SELECT c.tenant_id, ${createdDay("c")}, '${f}', ${e}, count(*) FROM connections c GROUP BY c.tenant_id, ${createdDay("c")}, ${e}`,
  );
  return [
    "DELETE FROM connection_created_facets",
    `INSERT INTO connection_created_facets (tenant_id, day, facet, value, n) ${selects.join(" UNION ALL ")}`,
  ];
}

export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db);
  await db.schema
    .createTable("connection_created_facets")
    .addColumn("tenant_id", "text", (c) => c.notNull())
    .addColumn("day", "text", (c) => c.notNull())
    .addColumn("facet", "text", (c) => c.notNull())
    .addColumn("value", "text", (c) => c.notNull())
    .addColumn("n", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("connection_created_facets_pk", ["tenant_id", "day", "facet", "value"])
    .execute();
  // All tenants at once (the support role): a range of days across every tenant.
  await db.schema
    .createIndex("connection_created_facets_day_idx")
    .on("connection_created_facets")
    .columns(["day", "facet", "value", "n"])
    .execute();
  for (const s of [...createdFacetRebuildStatements(), ...deferrable(createdFacetTriggerStatements(pg), pg)])
    await sql.raw(s).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const s of createdFacetTriggerDrops(isPostgres(db))) await sql.raw(s).execute(db);
  await db.schema.dropTable("connection_created_facets").ifExists().execute();
}
