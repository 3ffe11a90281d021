// The platform loop's outbox: events written in the transaction of each change, webhook
// endpoints and their deliveries, a local mailbox for relink e-mails when no SMTP server is
// configured, and the e-mail outcome on each relink link. Frozen once landed.
//
// events.position is the insertion order the database assigns (under the row locks of the
// change); events.sequence is assigned after commit, in position order, by the one sequencer
// that holds the lock: a consumer paging by sequence never misses an event committed late.
import { sql, type Kysely } from "kysely";

function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter.constructor.name.startsWith("Postgres");
}

export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db);
  let events = db.schema.createTable("events");
  events = pg
    ? events.addColumn("position", "bigint", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    : events.addColumn("position", "integer", (c) => c.primaryKey().autoIncrement());
  await events
    .addColumn("id", "text", (c) => c.notNull().unique())
    .addColumn("sequence", pg ? "bigint" : "integer", (c) => c.unique())
    .addColumn("type", "text", (c) => c.notNull())
    .addColumn("tenant_id", "text", (c) => c.notNull())
    .addColumn("connection_id", "text")
    .addColumn("occurred_at", "text", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("events_unsequenced_idx")
    .on("events")
    .column("position")
    .where(sql.ref("sequence"), "is", null)
    .execute();
  await db.schema.createIndex("events_tenant_sequence_idx").on("events").columns(["tenant_id", "sequence"]).execute();

  await db.schema
    .createTable("webhook_endpoints")
    .addColumn("id", "text", (c) => c.primaryKey())
    // null: a platform-wide endpoint (every tenant's events)
    .addColumn("tenant_id", "text", (c) => c.references("tenants.id"))
    .addColumn("url", "text", (c) => c.notNull())
    .addColumn("description", "text")
    .addColumn("event_types", "text", (c) => c.notNull())
    .addColumn("secret_encrypted", "text", (c) => c.notNull())
    .addColumn("previous_secret_encrypted", "text")
    .addColumn("previous_secret_expires_at", "text")
    .addColumn("status", "text", (c) => c.notNull().defaultTo("active"))
    .addColumn("failing_since", "text")
    .addColumn("last_success_at", "text")
    .addColumn("last_failure_at", "text")
    .addColumn("created_by", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("webhook_endpoints_tenant_idx")
    .on("webhook_endpoints")
    .columns(["tenant_id", "created_at"])
    .execute();

  await db.schema
    .createTable("webhook_deliveries")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("endpoint_id", "text", (c) => c.notNull().references("webhook_endpoints.id").onDelete("cascade"))
    .addColumn("tenant_id", "text")
    // null for a test message, whose body is then test_body
    .addColumn("event_id", "text")
    .addColumn("event_type", "text", (c) => c.notNull())
    .addColumn("event_sequence", pg ? "bigint" : "integer")
    // deliveries with the same key go out one at a time, in event_sequence order
    .addColumn("order_key", "text", (c) => c.notNull())
    .addColumn("test_body", "text")
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("next_attempt_at", "text", (c) => c.notNull())
    .addColumn("locked_until", "text")
    .addColumn("lock_token", "text")
    .addColumn("first_attempt_at", "text")
    .addColumn("last_attempt_at", "text")
    .addColumn("last_status_code", "integer")
    .addColumn("last_duration_ms", "integer")
    .addColumn("last_response_snippet", "text")
    .addColumn("last_error", "text")
    .addColumn("delivered_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("webhook_deliveries_due_idx")
    .on("webhook_deliveries")
    .columns(["next_attempt_at"])
    .where(sql.ref("status"), "=", "pending")
    .execute();
  await db.schema
    .createIndex("webhook_deliveries_order_idx")
    .on("webhook_deliveries")
    .columns(["endpoint_id", "order_key", "event_sequence"])
    .where(sql.ref("status"), "=", "pending")
    .execute();
  await db.schema
    .createIndex("webhook_deliveries_endpoint_idx")
    .on("webhook_deliveries")
    .columns(["endpoint_id", "created_at", "id"])
    .execute();

  await db.schema
    .createTable("mailbox_messages")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("tenant_id", "text")
    .addColumn("to_address", "text", (c) => c.notNull())
    .addColumn("from_address", "text", (c) => c.notNull())
    .addColumn("subject", "text", (c) => c.notNull())
    .addColumn("text_body", "text", (c) => c.notNull())
    .addColumn("html_body", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("mailbox_messages_at_idx").on("mailbox_messages").columns(["created_at", "id"]).execute();

  await db.schema.alterTable("relink_links").addColumn("sent_at", "text").execute();
  await db.schema.alterTable("relink_links").addColumn("send_error", "text").execute();
  // set once the sweep has written the link's relink_link.expired event
  await db.schema.alterTable("relink_links").addColumn("expiry_recorded_at", "text").execute();
  // Links that expired before the outbox existed have no event to send.
  await db
    .updateTable("relink_links")
    .set({ expiry_recorded_at: sql.ref("expires_at") })
    .where("expires_at", "<=", new Date().toISOString())
    .where("used_at", "is", null)
    .where("revoked_at", "is", null)
    .execute();
  await db.schema
    .createIndex("relink_links_expiry_sweep_idx")
    .on("relink_links")
    .column("expires_at")
    .where(sql<boolean>`expiry_recorded_at IS NULL AND used_at IS NULL AND revoked_at IS NULL`)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("relink_links_expiry_sweep_idx").ifExists().execute();
  for (const column of ["expiry_recorded_at", "send_error", "sent_at"]) {
    await db.schema.alterTable("relink_links").dropColumn(column).execute();
  }
  await db.schema.dropTable("mailbox_messages").ifExists().execute();
  await db.schema.dropTable("webhook_deliveries").ifExists().execute();
  await db.schema.dropTable("webhook_endpoints").ifExists().execute();
  await db.schema.dropTable("events").ifExists().execute();
}
