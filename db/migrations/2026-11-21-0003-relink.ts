// Relink support: batches of links created together, the sandbox OAuth provider's one-time
// codes, and fixed-window rate-limit counters for the public link pages. Kept in the database
// so that any number of app instances agree (no in-process state). Frozen once landed.
import type { Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("relink_batches")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("created_by", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("sent_to", "text")
    .execute();

  await db.schema.createIndex("relink_links_batch_idx").on("relink_links").columns(["batch_id"]).execute();

  await db.schema
    .createTable("sandbox_oauth_codes")
    .addColumn("code_hash", "text", (c) => c.primaryKey())
    .addColumn("client_id", "text", (c) => c.notNull())
    .addColumn("redirect_uri", "text", (c) => c.notNull())
    .addColumn("code_challenge", "text", (c) => c.notNull())
    .addColumn("scope", "text", (c) => c.notNull())
    .addColumn("fail_token", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("used_at", "text")
    .execute();

  await db.schema
    .createTable("rate_limits")
    .addColumn("key", "text", (c) => c.primaryKey())
    .addColumn("hits", "integer", (c) => c.notNull())
    .addColumn("window_started_at", "text", (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("rate_limits").ifExists().execute();
  await db.schema.dropTable("sandbox_oauth_codes").ifExists().execute();
  await db.schema.dropIndex("relink_links_batch_idx").ifExists().execute();
  await db.schema.dropTable("relink_batches").ifExists().execute();
}
