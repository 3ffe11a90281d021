// The list's "open errors" sort (worst first, for triage): keyset pagination on
// (open_error_count, id), globally and within a tenant, like every other sort column
// (migration 0001). Without them a sorted page on a million rows is a full sort (5–9 s).
// Frozen once landed: later changes are new migrations.
import type { Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex("connections_open_error_count_idx")
    .on("connections")
    .columns(["open_error_count", "id"])
    .execute();
  await db.schema
    .createIndex("connections_tenant_open_error_count_idx")
    .on("connections")
    .columns(["tenant_id", "open_error_count", "id"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("connections_tenant_open_error_count_idx").ifExists().execute();
  await db.schema.dropIndex("connections_open_error_count_idx").ifExists().execute();
}
