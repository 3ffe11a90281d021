// The list's sort indexes carry the facet filter columns, so a filtered page walking a sort
// index tests status, platform, provider, tenant and the flags from the index entry and reads a
// table row only for entries that pass. A row lookup costs 2–15 µs on SQLite (the rows are wide
// and scattered) and a heap fetch on PostgreSQL more; an index entry ~0.2 µs. At 300,000 rows
// "status error + platform codat by name" took 45–55 ms on SQLite and 914 ms on PostgreSQL
// (cold); "xero + errors + created 2026 by last sync" 600 ms and 2.6 s. Measured in
// docs/BENCHMARKS.md.
//
// SQLite: both the global and the per-tenant sort indexes, and without open_error_count, which
// changes with every error: SQLite rewrites an index only when its own columns change.
// PostgreSQL tests conditions on any key column of a btree inside the index ("Index Cond"), so
// the filter columns are key columns, not INCLUDE ones; the global indexes suffice (tenant_id is
// one of them), and open_error_count and created_at come too: every update there already writes
// every index (updated_at is indexed, so no update is HOT). A multi-value IN on a non-leading
// column is still tested on the heap row by PostgreSQL 15. Frozen once landed.
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

/** PostgreSQL only (see above). */
const PG_ONLY = ["open_error_count", "created_at"] as const;

const rest = (sort: string) => FILTERS.filter((c) => c !== sort);

export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db);
  for (const col of SORTS) {
    const wide = pg
      ? ([
          [`connections_${col}_idx`, [col, "id", "tenant_id", ...rest(col), ...PG_ONLY.filter((c) => c !== col)]],
        ] as const)
      : ([
          [`connections_${col}_idx`, [col, "id", "tenant_id", ...rest(col)]],
          [`connections_tenant_${col}_idx`, ["tenant_id", col, "id", ...rest(col)]],
        ] as const);
    for (const [name, columns] of wide) {
      await db.schema.dropIndex(name).ifExists().execute();
      await db.schema
        .createIndex(name)
        .on("connections")
        .columns([...columns])
        .execute();
    }
  }
  // Dropping an index drops its statistics; without them SQLite guesses the new ones match
  // ~10 rows each and picks them for the wrong queries. (PostgreSQL keeps per-column ones.)
  if (!pg) await sql`ANALYZE connections`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db);
  for (const col of SORTS) {
    const narrow: [string, string[]][] = [[`connections_${col}_idx`, [col, "id"]]];
    if (!pg) narrow.push([`connections_tenant_${col}_idx`, ["tenant_id", col, "id"]]);
    for (const [name, columns] of narrow) {
      await db.schema.dropIndex(name).ifExists().execute();
      await db.schema.createIndex(name).on("connections").columns(columns).execute();
    }
  }
  if (!pg) await sql`ANALYZE connections`.execute(db);
}
