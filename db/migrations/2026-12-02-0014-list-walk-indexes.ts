// SQLite: the list's sort indexes carry the facet filter columns, so a filtered page walking a
// sort index tests status, platform, provider, tenant and the flags from the index entry and
// looks a table row up only for entries that pass. A row lookup costs 2–15 µs (the rows are
// wide and scattered); an index entry ~0.2 µs. Before, "status error + platform codat by name"
// read ~45 ms of lookups for its first page at 300,000 rows, and a filter matching nothing
// walked every row for seconds; measured in docs/BENCHMARKS.md.
//
// open_error_count is left out on purpose: it changes with every error, and every index holding
// it would be rewritten then. PostgreSQL is unchanged: it tests filters on the heap row whatever
// the index holds (only an index-only scan reads index columns), and it already chooses between
// walking and filtering by itself. Frozen once landed.
import { sql, type Kysely } from "kysely";

function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter.constructor.name.startsWith("Postgres");
}

/** The list's sort columns (lib/constants.ts SORT_COLUMNS, as of this migration). */
const SORTS = [
  "updated_at",
  "created_at",
  "name",
  "status",
  "provider",
  "last_sync_at",
  "auth_expires_at",
  "open_error_count",
] as const;

/** Facet filter columns tested from the index entry (filters.ts). */
const FILTERS = ["status", "platform", "provider", "needs_relink", "user_paused", "platform_paused"] as const;

const rest = (sort: string) => FILTERS.filter((c) => c !== sort);

export async function up(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) return;
  for (const col of SORTS) {
    for (const [name, columns] of [
      [`connections_${col}_idx`, [col, "id", "tenant_id", ...rest(col)]],
      [`connections_tenant_${col}_idx`, ["tenant_id", col, "id", ...rest(col)]],
    ] as const) {
      await db.schema.dropIndex(name).ifExists().execute();
      await db.schema
        .createIndex(name)
        .on("connections")
        .columns([...columns])
        .execute();
    }
  }
  // Dropping an index drops its statistics; without them SQLite guesses the new ones match
  // ~10 rows each and picks them for the wrong queries.
  await sql`ANALYZE connections`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) return;
  for (const col of SORTS) {
    for (const [name, columns] of [
      [`connections_${col}_idx`, [col, "id"]],
      [`connections_tenant_${col}_idx`, ["tenant_id", col, "id"]],
    ] as const) {
      await db.schema.dropIndex(name).ifExists().execute();
      await db.schema
        .createIndex(name)
        .on("connections")
        .columns([...columns])
        .execute();
    }
  }
  await sql`ANALYZE connections`.execute(db);
}
