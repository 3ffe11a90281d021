// Operations, third step: the connection timeline reads status changes from the outbox by
// connection, newest first. Frozen once landed.
import type { Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex("events_connection_idx").on("events").columns(["connection_id", "occurred_at"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("events_connection_idx").ifExists().execute();
}
