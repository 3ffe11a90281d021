// The platform loop, REST half: permission scopes on API keys (every key made before this is an
// ingest key), stored responses for the REST API's Idempotency-Key header, and re-run requests a
// platform makes until it reports the run. Frozen once landed.
import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  // A JSON array of scope names; the default gives existing keys exactly what they could do.
  await db.schema
    .alterTable("api_keys")
    .addColumn("scopes", "text", (c) => c.notNull().defaultTo(sql`'["ingest"]'`))
    .execute();

  await db.schema
    .createTable("idempotency_keys")
    .addColumn("api_key_id", "text", (c) => c.notNull().references("api_keys.id").onDelete("cascade"))
    .addColumn("path", "text", (c) => c.notNull())
    .addColumn("idempotency_key", "text", (c) => c.notNull())
    .addColumn("request_hash", "text", (c) => c.notNull())
    // null while the first request is still running
    .addColumn("status_code", "integer")
    .addColumn("response_body", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("idempotency_keys_pk", ["api_key_id", "path", "idempotency_key"])
    .execute();
  await db.schema.createIndex("idempotency_keys_created_idx").on("idempotency_keys").column("created_at").execute();

  await db.schema
    .createTable("run_requests")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("connection_id", "text", (c) => c.notNull().references("connections.id").onDelete("cascade"))
    .addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id"))
    .addColumn("job_id", "text", (c) => c.notNull())
    .addColumn("source_parameters", "text")
    .addColumn("destination_parameters", "text")
    .addColumn("note", "text")
    .addColumn("requested_by", "text", (c) => c.notNull())
    .addColumn("requested_by_label", "text", (c) => c.notNull())
    .addColumn("requested_at", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("fulfilled_at", "text")
    .addColumn("fulfilled_run_id", "text")
    .addUniqueConstraint("run_requests_job_uq", ["connection_id", "job_id"])
    .execute();
  await db.schema
    .createIndex("run_requests_connection_idx")
    .on("run_requests")
    .columns(["connection_id", "requested_at"])
    .execute();
  await db.schema
    .createIndex("run_requests_tenant_status_idx")
    .on("run_requests")
    .columns(["tenant_id", "status", "requested_at"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("run_requests").ifExists().execute();
  await db.schema.dropTable("idempotency_keys").ifExists().execute();
  await db.schema.alterTable("api_keys").dropColumn("scopes").execute();
}
