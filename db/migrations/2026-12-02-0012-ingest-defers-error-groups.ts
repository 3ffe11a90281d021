// Ingest keeps the errors' summaries (the error groups and the errors per day) per batch, in set
// statements, as it already keeps the connections' (migration 0011): the insert and update
// triggers on connection_errors now skip rows written while the writing transaction has the
// same switch on (`SET LOCAL app.defer_derived = on` on PostgreSQL, a `derived_deferred` row on
// SQLite). The delete trigger is unchanged. Frozen once landed; server/home/operations-derived.ts
// builds its living copy with `errorsDeferrable` below.
import { sql, type Kysely } from "kysely";
import { operationsTriggerStatements } from "./2026-12-02-0007-operations";
import { PG_DEFER_SETTING } from "./2026-12-02-0011-ingest-defers-derived";

function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter.constructor.name.startsWith("Postgres");
}

const PG_GUARD = `current_setting('${PG_DEFER_SETTING}', true) IS DISTINCT FROM 'on'`;
const SQLITE_GUARD = "NOT EXISTS (SELECT 1 FROM derived_deferred)";

/**
 * The same CREATE TRIGGER statements, with the insert and update triggers on connection_errors
 * made to skip deferred rows; every other statement as it is. PostgreSQL's `AFTER INSERT OR
 * DELETE` trigger is split in two (`ops_errors_insert`, guarded, and `ops_errors_delete`, not).
 */
export function errorsDeferrable(statements: string[], pg: boolean): string[] {
  return statements.flatMap((s) => {
    if (!s.startsWith("CREATE TRIGGER") || !/ ON connection_errors /.test(s) || / AFTER DELETE /.test(s)) return [s];
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
      /^CREATE TRIGGER (\w+)_insert_delete AFTER INSERT OR DELETE ON connection_errors FOR EACH ROW (EXECUTE .*)$/.exec(
        s,
      );
    if (both)
      return [
        `CREATE TRIGGER ${both[1]}_insert AFTER INSERT ON connection_errors FOR EACH ROW WHEN (${PG_GUARD}) ${both[2]}`,
        `CREATE TRIGGER ${both[1]}_delete AFTER DELETE ON connection_errors FOR EACH ROW ${both[2]}`,
      ];
    const update =
      /^(CREATE TRIGGER \w+ AFTER UPDATE ON connection_errors FOR EACH ROW) WHEN \((.*)\) (EXECUTE .*)$/s.exec(s);
    if (!update) throw new Error(`not a trigger this migration knows: ${s.slice(0, 80)}`);
    return [`${update[1]} WHEN (${PG_GUARD} AND (${update[2]})) ${update[3]}`];
  });
}

/** Drops of the errors' triggers, as 0007 named them and as `errorsDeferrable` names them. */
export function errorTriggerDrops(pg: boolean): string[] {
  if (pg)
    return ["ops_errors_insert_delete", "ops_errors_insert", "ops_errors_delete", "ops_errors_update"].map(
      (t) => `DROP TRIGGER IF EXISTS ${t} ON connection_errors`,
    );
  return ["ops_errors_insert", "ops_errors_update", "ops_errors_delete"].map((t) => `DROP TRIGGER IF EXISTS ${t}`);
}

/** 0007's triggers on connection_errors (the functions they call stay as they are). */
const errorTriggers = (pg: boolean) =>
  operationsTriggerStatements(pg).filter((s) => s.startsWith("CREATE TRIGGER") && / ON connection_errors /.test(s));

export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db);
  const run = (text: string) => sql.raw(text).execute(db);
  for (const s of errorTriggerDrops(pg)) await run(s);
  for (const s of errorsDeferrable(errorTriggers(pg), pg)) await run(s);
}

export async function down(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db);
  const run = (text: string) => sql.raw(text).execute(db);
  for (const s of errorTriggerDrops(pg)) await run(s);
  for (const s of errorTriggers(pg)) await run(s);
}
