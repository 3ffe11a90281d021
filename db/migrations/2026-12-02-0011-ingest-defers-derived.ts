// Ingest maintains the connections' derived data per batch, in set statements, instead of the
// per-row triggers (server/ingest/derived-batch.ts). The triggers stay for every other writer;
// the insert and update triggers on connections now skip rows written while the writing
// transaction has switched them off:
// - PostgreSQL: `SET LOCAL app.defer_derived = on` (a transaction-local setting no other
//   session sees);
// - SQLite: a row in `derived_deferred`, inserted and deleted inside the ingest's write
//   transaction (one writer at a time; readers never see uncommitted rows).
// Delete triggers and the error triggers are unchanged. Frozen once landed; db/list-derived.ts
// and server/home/operations-derived.ts build their living copies with `deferrable` below.
import { sql, type Kysely } from "kysely";
import { operationsTriggerDrops, operationsTriggerStatements } from "./2026-12-02-0007-operations";
import { timeBucketTriggerDrops, timeBucketTriggerStatements } from "./2026-12-02-0007-operations-time-buckets";

function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter.constructor.name.startsWith("Postgres");
}

export const PG_DEFER_SETTING = "app.defer_derived";
const PG_GUARD = `current_setting('${PG_DEFER_SETTING}', true) IS DISTINCT FROM 'on'`;
const SQLITE_GUARD = "NOT EXISTS (SELECT 1 FROM derived_deferred)";

/**
 * The same CREATE TRIGGER statements, with the insert and update triggers on connections made
 * to skip deferred rows. PostgreSQL's combined `AFTER INSERT OR DELETE` triggers are split in
 * two (`…_insert`, guarded, and `…_delete`, not) calling the same function.
 */
export function deferrable(statements: string[], pg: boolean): string[] {
  return statements.flatMap((s) => {
    if (!s.startsWith("CREATE TRIGGER") || !/ ON connections /.test(s) || / AFTER DELETE /.test(s)) return [s];
    if (!pg) {
      const begin = s.indexOf(" BEGIN ");
      const head = s.slice(0, begin);
      const when = head.indexOf(" WHEN ");
      const guarded =
        when < 0
          ? `${head} WHEN ${SQLITE_GUARD}`
          : `${head.slice(0, when)} WHEN ${SQLITE_GUARD} AND (${head.slice(when + 6)})`;
      return [guarded + s.slice(begin)];
    }
    const both =
      /^CREATE TRIGGER (\w+)_insert_delete AFTER INSERT OR DELETE ON connections FOR EACH ROW (EXECUTE .*)$/.exec(s);
    if (both)
      return [
        `CREATE TRIGGER ${both[1]}_insert AFTER INSERT ON connections FOR EACH ROW WHEN (${PG_GUARD}) ${both[2]}`,
        `CREATE TRIGGER ${both[1]}_delete AFTER DELETE ON connections FOR EACH ROW ${both[2]}`,
      ];
    const update = /^(CREATE TRIGGER \w+ AFTER UPDATE ON connections FOR EACH ROW) WHEN \((.*)\) (EXECUTE .*)$/s.exec(
      s,
    );
    if (!update) throw new Error(`not a trigger this migration knows: ${s.slice(0, 80)}`);
    return [`${update[1]} WHEN (${PG_GUARD} AND (${update[2]})) ${update[3]}`];
  });
}

/** Drops for what `deferrable` creates, besides the originals' own drops. */
export function deferrableDrops(names: string[], pg: boolean): string[] {
  if (!pg) return [];
  return names.flatMap((n) => [
    `DROP TRIGGER IF EXISTS ${n}_insert ON connections`,
    `DROP TRIGGER IF EXISTS ${n}_delete ON connections`,
  ]);
}

// The list's triggers as migration 0002 made them (a frozen copy: db/list-derived.ts imports it).
const DIMS =
  "tenant_id, status, provider, platform, environment, categories, needs_relink, user_paused, platform_paused, has_errors";
const dimValues = (r: string) =>
  `${r}.tenant_id, ${r}.status, ${r}.provider, ${r}.platform, lower(coalesce(${r}.environment, '')), lower(${r}.categories), ${r}.needs_relink, ${r}.user_paused, ${r}.platform_paused, CASE WHEN ${r}.open_error_count > 0 THEN 1 ELSE 0 END`;
const dimMatch = (r: "new" | "old") =>
  `tenant_id = ${r}.tenant_id AND status = ${r}.status AND provider = ${r}.provider AND platform = ${r}.platform AND environment = lower(coalesce(${r}.environment, '')) AND categories = lower(${r}.categories) AND needs_relink = ${r}.needs_relink AND user_paused = ${r}.user_paused AND platform_paused = ${r}.platform_paused AND has_errors = CASE WHEN ${r}.open_error_count > 0 THEN 1 ELSE 0 END`;
const dimsChanged = `old.tenant_id <> new.tenant_id OR old.status <> new.status OR old.provider <> new.provider OR old.platform <> new.platform OR lower(coalesce(old.environment, '')) <> lower(coalesce(new.environment, '')) OR lower(old.categories) <> lower(new.categories) OR old.needs_relink <> new.needs_relink OR old.user_paused <> new.user_paused OR old.platform_paused <> new.platform_paused OR (old.open_error_count > 0) <> (new.open_error_count > 0)`;
const increment = `INSERT INTO connection_facet_counts (${DIMS}, n) VALUES (${dimValues("new")}, 1) ON CONFLICT (${DIMS}) DO UPDATE SET n = connection_facet_counts.n + 1`;
const decrement = `UPDATE connection_facet_counts SET n = n - 1 WHERE ${dimMatch("old")}`;
const searchText = `lower(new.id || ' ' || new.name || ' ' || coalesce(new.external_xref, '') || ' ' || new.provider || ' ' || coalesce(new.source_id, ''))`;

/** The list's triggers (search rows on SQLite, facet counts), unguarded, as 0002 made them. */
export function listTriggerStatements(pg: boolean): string[] {
  if (pg)
    return [
      `CREATE FUNCTION connection_facets_sync() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP IN ('UPDATE', 'DELETE') THEN ${decrement}; END IF;
        IF TG_OP IN ('UPDATE', 'INSERT') THEN ${increment}; END IF;
        RETURN NULL;
      END $$`,
      "CREATE TRIGGER connection_facets_insert_delete AFTER INSERT OR DELETE ON connections FOR EACH ROW EXECUTE FUNCTION connection_facets_sync()",
      `CREATE TRIGGER connection_facets_update AFTER UPDATE ON connections FOR EACH ROW WHEN (${dimsChanged}) EXECUTE FUNCTION connection_facets_sync()`,
    ];
  return [
    `CREATE TRIGGER connection_search_insert AFTER INSERT ON connections BEGIN INSERT INTO connection_search (rowid, id, text) VALUES (new.rowid, new.id, ${searchText}); END`,
    `CREATE TRIGGER connection_search_update AFTER UPDATE OF id, name, external_xref, provider, source_id ON connections BEGIN DELETE FROM connection_search WHERE rowid = old.rowid; INSERT INTO connection_search (rowid, id, text) VALUES (new.rowid, new.id, ${searchText}); END`,
    "CREATE TRIGGER connection_search_delete AFTER DELETE ON connections BEGIN DELETE FROM connection_search WHERE rowid = old.rowid; END",
    `CREATE TRIGGER connection_facets_insert AFTER INSERT ON connections BEGIN ${increment}; END`,
    `CREATE TRIGGER connection_facets_delete AFTER DELETE ON connections BEGIN ${decrement}; END`,
    `CREATE TRIGGER connection_facets_update AFTER UPDATE ON connections WHEN ${dimsChanged} BEGIN ${decrement}; ${increment}; END`,
  ];
}

export function listTriggerDrops(pg: boolean): string[] {
  if (pg)
    return [
      "DROP TRIGGER IF EXISTS connection_facets_insert_delete ON connections",
      "DROP TRIGGER IF EXISTS connection_facets_update ON connections",
      ...deferrableDrops(["connection_facets"], pg),
      "DROP FUNCTION IF EXISTS connection_facets_sync()",
    ];
  return [
    "connection_search_insert",
    "connection_search_update",
    "connection_search_delete",
    "connection_facets_insert",
    "connection_facets_delete",
    "connection_facets_update",
  ].map((t) => `DROP TRIGGER IF EXISTS ${t}`);
}

/** The operations triggers on connections and errors as 0007 and its time buckets left them. */
export function operationsStatements(pg: boolean): string[] {
  const withoutDays = operationsTriggerStatements(pg).filter((s) => !s.includes("ops_day_counts"));
  return [...withoutDays, ...timeBucketTriggerStatements(pg)];
}

export function operationsDrops(pg: boolean): string[] {
  return [
    ...deferrableDrops(["ops_connection_counts", "ops_day_counts", "ops_time_counts"], pg),
    ...operationsTriggerDrops(pg),
    ...timeBucketTriggerDrops(pg),
  ];
}

/** Every statement but functions (they stay as they are): what up() drops and creates again. */
const triggersOnly = (statements: string[]) => statements.filter((s) => s.startsWith("CREATE TRIGGER"));
const dropTriggersOnly = (statements: string[]) => statements.filter((s) => s.startsWith("DROP TRIGGER"));

export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db);
  const run = (text: string) => sql.raw(text).execute(db);
  if (!pg) await run("CREATE TABLE derived_deferred (on_ INTEGER PRIMARY KEY)");
  for (const s of dropTriggersOnly([...listTriggerDrops(pg), ...operationsDrops(pg)])) await run(s);
  for (const s of deferrable(triggersOnly([...listTriggerStatements(pg), ...operationsStatements(pg)]), pg))
    await run(s);
}

export async function down(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db);
  const run = (text: string) => sql.raw(text).execute(db);
  for (const s of dropTriggersOnly([...listTriggerDrops(pg), ...operationsDrops(pg)])) await run(s);
  for (const s of triggersOnly([...listTriggerStatements(pg), ...operationsStatements(pg)])) await run(s);
  if (!pg) await run("DROP TABLE derived_deferred");
}
