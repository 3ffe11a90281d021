// Operations, second step: "auth expires within N days" and "no sync for N days" read whole
// UTC days, hours and minutes from ops_day_counts and count only the rows inside the two partial
// minutes at a window's edges (a few rows), instead of the two partial days (thousands of rows
// at a million connections, each a heap read on PostgreSQL). `kind` is now `<column>:<unit>`
// (expires:d, expires:h, expires:m, sync:…) and `day` the bucket: the timestamp's first 10, 13
// or 16 characters. Frozen once landed; server/home/operations-derived.ts is the living copy.
import { sql, type Kysely } from "kysely";

function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter.constructor.name.startsWith("Postgres");
}

type Row = "new" | "old";
const COLUMNS = [
  ["expires", "auth_expires_at"],
  ["sync", "last_sync_at"],
] as const;
const UNITS = [
  ["d", 10],
  ["h", 13],
  ["m", 16],
] as const;

const add = (r: Row) =>
  COLUMNS.flatMap(([kind, col]) =>
    UNITS.map(
      ([unit, len]) =>
        `INSERT INTO ops_day_counts (tenant_id, kind, day, n) SELECT ${r}.tenant_id, '${kind}:${unit}', substr(${r}.${col}, 1, ${len}), 1 WHERE ${r}.${col} IS NOT NULL ON CONFLICT (tenant_id, kind, day) DO UPDATE SET n = ops_day_counts.n + 1`,
    ),
  );
const remove = (r: Row) =>
  COLUMNS.flatMap(([kind, col]) =>
    UNITS.map(
      ([unit, len]) =>
        `UPDATE ops_day_counts SET n = n - 1 WHERE tenant_id = ${r}.tenant_id AND kind = '${kind}:${unit}' AND day = substr(${r}.${col}, 1, ${len})`,
    ),
  );

export function timeBucketTriggerStatements(pg: boolean): string[] {
  const differ = pg ? "IS DISTINCT FROM" : "IS NOT";
  const changed = `old.tenant_id ${differ} new.tenant_id OR substr(old.auth_expires_at, 1, 16) ${differ} substr(new.auth_expires_at, 1, 16) OR substr(old.last_sync_at, 1, 16) ${differ} substr(new.last_sync_at, 1, 16)`;
  const body = (stmts: string[]) => stmts.map((s) => `${s};`).join("\n");
  if (pg)
    return [
      `CREATE FUNCTION ops_time_counts_sync() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        IF TG_OP IN ('UPDATE', 'DELETE') THEN ${body(remove("old"))} END IF;
        IF TG_OP IN ('UPDATE', 'INSERT') THEN ${body(add("new"))} END IF;
        RETURN NULL;
      END $fn$`,
      "CREATE TRIGGER ops_time_counts_insert_delete AFTER INSERT OR DELETE ON connections FOR EACH ROW EXECUTE FUNCTION ops_time_counts_sync()",
      `CREATE TRIGGER ops_time_counts_update AFTER UPDATE ON connections FOR EACH ROW WHEN (${changed}) EXECUTE FUNCTION ops_time_counts_sync()`,
    ];
  return [
    `CREATE TRIGGER ops_time_counts_insert AFTER INSERT ON connections BEGIN ${body(add("new"))} END`,
    `CREATE TRIGGER ops_time_counts_delete AFTER DELETE ON connections BEGIN ${body(remove("old"))} END`,
    `CREATE TRIGGER ops_time_counts_update AFTER UPDATE ON connections WHEN ${changed} BEGIN ${body([...remove("old"), ...add("new")])} END`,
  ];
}

export function timeBucketTriggerDrops(pg: boolean): string[] {
  return pg
    ? [
        "DROP TRIGGER IF EXISTS ops_time_counts_insert_delete ON connections",
        "DROP TRIGGER IF EXISTS ops_time_counts_update ON connections",
        "DROP FUNCTION IF EXISTS ops_time_counts_sync()",
      ]
    : ["ops_time_counts_insert", "ops_time_counts_delete", "ops_time_counts_update"].map(
        (t) => `DROP TRIGGER IF EXISTS ${t}`,
      );
}

export function timeBucketRebuildStatements(): string[] {
  return [
    "DELETE FROM ops_day_counts",
    ...COLUMNS.flatMap(([kind, col]) =>
      UNITS.map(
        ([unit, len]) =>
          `INSERT INTO ops_day_counts (tenant_id, kind, day, n) SELECT tenant_id, '${kind}:${unit}', substr(${col}, 1, ${len}), count(*) FROM connections WHERE ${col} IS NOT NULL GROUP BY tenant_id, substr(${col}, 1, ${len})`,
      ),
    ),
  ];
}

/** Migration 0007's per-day triggers, replaced by the ones above. */
function dayTriggerDrops(pg: boolean): string[] {
  return pg
    ? [
        "DROP TRIGGER IF EXISTS ops_day_counts_insert_delete ON connections",
        "DROP TRIGGER IF EXISTS ops_day_counts_update ON connections",
        "DROP FUNCTION IF EXISTS ops_day_counts_sync()",
      ]
    : ["ops_day_counts_insert", "ops_day_counts_delete", "ops_day_counts_update"].map(
        (t) => `DROP TRIGGER IF EXISTS ${t}`,
      );
}

export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db);
  const run = (text: string) => sql.raw(text).execute(db);
  for (const s of dayTriggerDrops(pg)) await run(s);
  for (const s of timeBucketRebuildStatements()) await run(s);
  for (const s of timeBucketTriggerStatements(pg)) await run(s);
}

export async function down(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db);
  for (const s of timeBucketTriggerDrops(pg)) await sql.raw(s).execute(db);
  await sql.raw("DELETE FROM ops_day_counts").execute(db);
}
