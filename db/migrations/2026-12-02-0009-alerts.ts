// Alert rules and their notifications (issue 12), and shared saved views. Frozen once landed.
//
// alert_firings is the edge-trigger state: one row per rule and subject (a connection, or an
// error group within a tenant), active while the condition holds. A rule notifies only when a
// row turns active (inserted, or 0 → 1), so re-ingesting the same data or re-evaluating on a
// tick does not notify again; a condition that clears (1 → 0) and comes back notifies again.
import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("alert_rules")
    .addColumn("id", "text", (c) => c.primaryKey())
    // null: every tenant (support staff only)
    .addColumn("tenant_id", "text", (c) => c.references("tenants.id"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("threshold", "integer")
    .addColumn("status", "text")
    .addColumn("platform", "text")
    .addColumn("provider", "text")
    .addColumn("tag", "text")
    .addColumn("email_to", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("webhook_endpoint_id", "text")
    .addColumn("bell", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("enabled", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_by", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("alert_rules_tenant_idx").on("alert_rules").columns(["tenant_id", "name"]).execute();

  await db.schema
    .createTable("alert_firings")
    .addColumn("rule_id", "text", (c) => c.notNull().references("alert_rules.id").onDelete("cascade"))
    .addColumn("subject_id", "text", (c) => c.notNull())
    .addColumn("tenant_id", "text", (c) => c.notNull())
    .addColumn("connection_id", "text")
    .addColumn("active", "integer", (c) => c.notNull())
    .addColumn("fired_at", "text", (c) => c.notNull())
    .addColumn("cleared_at", "text")
    .addPrimaryKeyConstraint("alert_firings_pk", ["rule_id", "subject_id"])
    .execute();
  await db.schema
    .createIndex("alert_firings_active_idx")
    .on("alert_firings")
    .columns(["rule_id", "subject_id"])
    .where(sql.ref("active"), "=", 1)
    .execute();

  await db.schema
    .createTable("alert_notifications")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("rule_id", "text", (c) => c.notNull().references("alert_rules.id").onDelete("cascade"))
    // the connection's tenant; rule_tenant_id null: a support rule over every tenant (staff only)
    .addColumn("tenant_id", "text", (c) => c.notNull())
    .addColumn("rule_tenant_id", "text")
    .addColumn("connection_id", "text")
    .addColumn("group_id", "text")
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("bell", "integer", (c) => c.notNull())
    // null: no e-mail channel; sent | failed
    .addColumn("email_status", "text")
    .addColumn("email_error", "text")
    .addColumn("webhook_event_id", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("alert_notifications_tenant_idx")
    .on("alert_notifications")
    .columns(["tenant_id", "created_at", "id"])
    .execute();
  await db.schema
    .createIndex("alert_notifications_at_idx")
    .on("alert_notifications")
    .columns(["created_at", "id"])
    .execute();
  await db.schema
    .createIndex("alert_notifications_rule_idx")
    .on("alert_notifications")
    .columns(["rule_id", "created_at"])
    .execute();

  await db.schema
    .createTable("alert_notification_reads")
    .addColumn("user_id", "text", (c) => c.notNull())
    .addColumn("notification_id", "text", (c) => c.notNull().references("alert_notifications.id").onDelete("cascade"))
    .addColumn("read_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("alert_notification_reads_pk", ["user_id", "notification_id"])
    .execute();

  // Shared saved views: 'tenant' (the owner's tenant), 'staff' (every support user), or private.
  await db.schema.alterTable("saved_views").addColumn("shared", "text").execute();
  await db.schema.alterTable("saved_views").addColumn("tenant_id", "text").execute();
  await db.schema.alterTable("saved_views").addColumn("owner_label", "text").execute();
  await db.schema
    .createIndex("saved_views_shared_idx")
    .on("saved_views")
    .columns(["table_key", "shared", "tenant_id"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("saved_views_shared_idx").ifExists().execute();
  await db.schema.alterTable("saved_views").dropColumn("owner_label").execute();
  await db.schema.alterTable("saved_views").dropColumn("tenant_id").execute();
  await db.schema.alterTable("saved_views").dropColumn("shared").execute();
  await db.schema.dropTable("alert_notification_reads").ifExists().execute();
  await db.schema.dropTable("alert_notifications").ifExists().execute();
  await db.schema.dropTable("alert_firings").ifExists().execute();
  await db.schema.dropTable("alert_rules").ifExists().execute();
}
