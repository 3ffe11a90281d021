// The whole connection model (DESIGN.md). Frozen: later changes are new migrations.
// Portable types only (text, integer) so one migration serves SQLite and PostgreSQL.
import type { Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("tenants")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("slug", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("time_zone", "text", (c) => c.notNull().defaultTo("UTC"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("users")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("email", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("password_hash", "text", (c) => c.notNull())
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("tenant_id", "text", (c) => c.references("tenants.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("integrations")
    .addColumn("provider", "text", (c) => c.primaryKey())
    .addColumn("display_name", "text", (c) => c.notNull())
    .addColumn("platform", "text", (c) => c.notNull())
    .addColumn("category", "text")
    .addColumn("auth_kind", "text", (c) => c.notNull().defaultTo("oauth2"))
    .addColumn("authorize_url", "text")
    .addColumn("token_url", "text")
    .addColumn("client_id", "text")
    .addColumn("client_secret_encrypted", "text")
    .addColumn("scopes", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("use_sandbox", "integer", (c) => c.notNull().defaultTo(0))
    .execute();

  let connections = db.schema
    .createTable("connections")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id"))
    .addColumn("platform", "text", (c) => c.notNull())
    .addColumn("platform_id", "text", (c) => c.notNull());
  for (const col of ["workspace_id"]) connections = connections.addColumn(col, "text");
  connections = connections
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("description", "text")
    .addColumn("provider", "text", (c) => c.notNull())
    .addColumn("integration_id", "text")
    .addColumn("integration_key", "text")
    .addColumn("integration_name", "text")
    .addColumn("categories", "text", (c) => c.notNull().defaultTo("[]"));
  for (const col of [
    "source_id",
    "source_type",
    "source_workspace_id",
    "destination_id",
    "destination_type",
    "destination_workspace_id",
  ]) {
    connections = connections.addColumn(col, "text");
  }
  connections = connections
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("upstream_status", "text")
    .addColumn("needs_relink", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("user_paused", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("paused_by", "text")
    .addColumn("paused_at", "text")
    .addColumn("pause_reason", "text")
    .addColumn("platform_paused", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("platform_paused_reason", "text")
    .addColumn("environment", "text")
    .addColumn("external_xref", "text")
    .addColumn("auth_type", "text")
    .addColumn("auth_scopes", "text")
    .addColumn("auth_expires_at", "text")
    .addColumn("auth_aws_arn", "text")
    .addColumn("credentials_encrypted", "text")
    .addColumn("credentials_fingerprint", "text")
    .addColumn("permissions", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("link_url", "text")
    .addColumn("connection_info", "text")
    .addColumn("metadata", "text")
    .addColumn("unmapped", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("created_by", "text")
    .addColumn("updated_by", "text")
    .addColumn("last_sync_at", "text")
    .addColumn("last_run_job_id", "text")
    .addColumn("last_run_status", "text")
    .addColumn("last_run_at", "text")
    .addColumn("last_run_by", "text")
    .addColumn("last_run_source_parameters", "text")
    .addColumn("last_run_destination_parameters", "text")
    .addColumn("last_run_error", "text")
    .addColumn("open_error_count", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint("connections_platform_id_unique", ["platform", "platform_id"]);
  await connections.execute();

  // List sorts: keyset pagination on (sort column, id), globally and within a tenant.
  for (const col of ["updated_at", "created_at", "name", "last_sync_at", "auth_expires_at", "status", "provider"]) {
    await db.schema.createIndex(`connections_${col}_idx`).on("connections").columns([col, "id"]).execute();
    await db.schema
      .createIndex(`connections_tenant_${col}_idx`)
      .on("connections")
      .columns(["tenant_id", col, "id"])
      .execute();
  }

  await db.schema
    .createTable("connection_runs")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("connection_id", "text", (c) => c.notNull().references("connections.id").onDelete("cascade"))
    .addColumn("tenant_id", "text", (c) => c.notNull())
    .addColumn("job_id", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("source_status", "text")
    .addColumn("destination_status", "text")
    .addColumn("started_at", "text")
    .addColumn("finished_at", "text")
    .addColumn("run_by", "text")
    .addColumn("source_parameters", "text")
    .addColumn("destination_parameters", "text")
    .addColumn("records_read", "integer")
    .addColumn("records_written", "integer")
    .addColumn("error_message", "text")
    .addColumn("extra", "text")
    .addUniqueConstraint("connection_runs_job_unique", ["connection_id", "job_id"])
    .execute();
  await db.schema
    .createIndex("connection_runs_connection_idx")
    .on("connection_runs")
    .columns(["connection_id", "started_at", "id"])
    .execute();

  await db.schema
    .createTable("connection_errors")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("connection_id", "text", (c) => c.notNull().references("connections.id").onDelete("cascade"))
    .addColumn("tenant_id", "text", (c) => c.notNull())
    .addColumn("status_code", "text")
    .addColumn("status_text", "text")
    .addColumn("message", "text")
    .addColumn("errored_at", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("upstream_status", "text")
    .addColumn("is_auth_error", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("resolved_at", "text")
    .addColumn("resolved_by", "text")
    .addColumn("resolution_note", "text")
    .execute();
  await db.schema
    .createIndex("connection_errors_connection_idx")
    .on("connection_errors")
    .columns(["connection_id", "status", "errored_at"])
    .execute();

  await db.schema
    .createTable("relink_links")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("connection_id", "text", (c) => c.notNull().references("connections.id").onDelete("cascade"))
    .addColumn("tenant_id", "text", (c) => c.notNull())
    .addColumn("created_by", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("sent_to", "text")
    .addColumn("opened_at", "text")
    .addColumn("used_at", "text")
    .addColumn("revoked_at", "text")
    .addColumn("revoked_by", "text")
    .addColumn("batch_id", "text")
    .execute();
  await db.schema
    .createIndex("relink_links_connection_idx")
    .on("relink_links")
    .columns(["connection_id", "created_at"])
    .execute();
  await db.schema
    .createIndex("relink_links_tenant_idx")
    .on("relink_links")
    .columns(["tenant_id", "created_at"])
    .execute();

  await db.schema
    .createTable("audit_events")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("at", "text", (c) => c.notNull())
    .addColumn("actor_id", "text", (c) => c.notNull())
    .addColumn("actor_label", "text", (c) => c.notNull())
    .addColumn("tenant_id", "text")
    .addColumn("connection_id", "text")
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("before", "text")
    .addColumn("after", "text")
    .addColumn("note", "text")
    .execute();
  await db.schema.createIndex("audit_events_at_idx").on("audit_events").columns(["at", "id"]).execute();
  await db.schema.createIndex("audit_events_tenant_idx").on("audit_events").columns(["tenant_id", "at"]).execute();
  await db.schema
    .createIndex("audit_events_connection_idx")
    .on("audit_events")
    .columns(["connection_id", "at"])
    .execute();

  await db.schema
    .createTable("api_keys")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("prefix", "text", (c) => c.notNull())
    .addColumn("key_hash", "text", (c) => c.notNull().unique())
    .addColumn("platform", "text", (c) => c.notNull())
    .addColumn("tenant_id", "text", (c) => c.references("tenants.id"))
    .addColumn("created_by", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("revoked_at", "text")
    .addColumn("last_used_at", "text")
    .execute();

  await db.schema
    .createTable("login_attempts")
    .addColumn("key", "text", (c) => c.primaryKey())
    .addColumn("failures", "integer", (c) => c.notNull())
    .addColumn("window_started_at", "text", (c) => c.notNull())
    .addColumn("last_failure_at", "text", (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    "login_attempts",
    "api_keys",
    "audit_events",
    "relink_links",
    "connection_errors",
    "connection_runs",
    "connections",
    "integrations",
    "users",
    "tenants",
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
