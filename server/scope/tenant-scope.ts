// THE door to tenant data. A TenantScope holds the database privately and hands out only queries
// that carry the tenant predicate in their SQL: a tenant admin or viewer can never read or change
// another tenant's rows, and a procedure cannot forget to ask (tenantProcedure gives it a scope and
// no database). The deliberate exceptions are the constructors named `unscoped…`: search for that
// word to review every one.
import { sql, type Expression, type RawBuilder, type SqlBool } from "kysely";
import type { DB } from "../../db";
import { dbKind } from "../../db";
import type { Database } from "../../db/types";
import { isStaff, type SessionUser } from "../auth/session-user";
import { ForbiddenError } from "../errors";
import { newestRunsFirst } from "../sql/run-order";

type TenantTable =
  | "connections"
  | "connection_runs"
  | "connection_errors"
  | "relink_links"
  | "relink_batches"
  | "audit_events"
  | "connection_facet_counts"
  | "connection_created_facets"
  | "run_requests"
  | "events"
  | "webhook_endpoints"
  | "webhook_deliveries"
  | "mailbox_messages"
  | "ops_connection_counts"
  | "ops_day_counts"
  | "ops_error_days"
  | "ops_error_group_tenants"
  | "ops_error_group_connections"
  | "ops_error_group_days"
  | "ops_error_members"
  | "connection_tags"
  | "alert_rules"
  | "alert_firings"
  | "alert_notifications";

/** Who acts through a scope: a signed-in user, an API key or a relink-link holder. */
export interface ScopeActor {
  id: string;
  /** shown in the audit log */
  label: string;
  email: string | null;
  /** written into by-whom columns (paused_by, resolved_by): the email, or the label */
  name: string;
}

/** A tenant that can see nothing: an impossible id, never "all tenants". */
const NO_TENANT = "(no tenant)"; // matches no tenant id; a NUL would be refused by PostgreSQL

export class TenantScope {
  private constructor(
    private readonly db: DB,
    /** null: every tenant (support staff, platform-wide keys, link tokens resolved by hash) */
    readonly tenantId: string | null,
    readonly actor: ScopeActor,
    readonly user: SessionUser | null,
  ) {}

  /** The signed-in user's scope: their tenant, or every tenant for support staff. */
  static forUser(db: DB, user: SessionUser): TenantScope {
    const tenantId = isStaff(user) ? null : (user.tenantId ?? NO_TENANT);
    return new TenantScope(
      db,
      tenantId,
      { id: user.id, label: `${user.email} (${user.role})`, email: user.email, name: user.email },
      user,
    );
  }

  /**
   * Unscoped by user: an API key (ingest, REST). A tenant-bound key is confined to its tenant;
   * a platform-wide key sees every tenant.
   */
  static unscopedForApiKey(db: DB, key: { id: string; name: string; tenantId: string | null }): TenantScope {
    return new TenantScope(
      db,
      key.tenantId,
      { id: `key:${key.id}`, label: `API key ${key.name}`, email: null, name: `API key ${key.name}` },
      null,
    );
  }

  /**
   * Unscoped by user: the public relink page and OAuth callback, where the bearer of a link token
   * is resolved by its hash. Callers must look the link up by hash before reading anything else.
   */
  static unscopedForLinkToken(db: DB): TenantScope {
    return new TenantScope(db, null, { id: "link", label: "Relink link", email: null, name: "link" }, null);
  }

  /**
   * Unscoped by user: the ingest pipeline (HTTP with an API key, or the operator's CLI), confined
   * to the import's tenant when it has one.
   */
  static unscopedForIngest(db: DB, tenantId: string | null): TenantScope {
    return new TenantScope(db, tenantId, { id: "ingest", label: "Ingest", email: null, name: "ingest" }, null);
  }

  /** Unscoped: the outbox worker (event sequencing, webhook delivery, the link-expiry sweep). */
  static unscopedForOutbox(db: DB): TenantScope {
    return new TenantScope(db, null, { id: "outbox", label: "Webhook delivery", email: null, name: "outbox" }, null);
  }

  /**
   * Unscoped by user: the alert evaluator, acting for one rule and confined to the rule's tenant
   * (null only for a support rule over every tenant), so a tenant's rule never reads another's rows.
   */
  static unscopedForAlertRule(db: DB, tenantId: string | null): TenantScope {
    return new TenantScope(db, tenantId, { id: "alerts", label: "Alert rules", email: null, name: "alerts" }, null);
  }

  /** Unscoped: an operator at the server's shell (`npm run api-key`), who administers every tenant. */
  static unscopedForOperator(db: DB, name: string): TenantScope {
    return new TenantScope(db, null, { id: `cli:${name}`, label: `CLI (${name})`, email: null, name }, null);
  }

  /** Unscoped: support staff's administration of platform-wide things (API keys, tenants list). */
  static unscopedForStaff(db: DB, user: SessionUser): TenantScope {
    if (!isStaff(user)) throw new ForbiddenError("Only support staff may do this.");
    return TenantScope.forUser(db, user);
  }

  get allTenants(): boolean {
    return this.tenantId === null;
  }

  get postgres(): boolean {
    return dbKind(this.db) === "postgres";
  }

  private where(table: TenantTable): Expression<SqlBool> {
    return sql<SqlBool>`${sql.ref(`${table}.tenant_id`)} = ${this.tenantId}`;
  }

  private scoped<QB extends { where(e: Expression<SqlBool>): QB }>(qb: QB, table: TenantTable): QB {
    return this.tenantId === null ? qb : qb.where(this.where(table));
  }

  connections() {
    return this.scoped(this.db.selectFrom("connections"), "connections");
  }
  runs() {
    return this.scoped(this.db.selectFrom("connection_runs"), "connection_runs");
  }
  errors() {
    return this.scoped(this.db.selectFrom("connection_errors"), "connection_errors");
  }
  links() {
    return this.scoped(this.db.selectFrom("relink_links"), "relink_links");
  }
  batches() {
    return this.scoped(this.db.selectFrom("relink_batches"), "relink_batches");
  }
  audit() {
    return this.scoped(this.db.selectFrom("audit_events"), "audit_events");
  }
  facetCounts() {
    return this.scoped(this.db.selectFrom("connection_facet_counts"), "connection_facet_counts");
  }
  createdFacets() {
    return this.scoped(this.db.selectFrom("connection_created_facets"), "connection_created_facets");
  }
  /** The outbox and webhooks: a tenant sees its own; platform-wide endpoints (tenant null) only all-tenant scopes. */
  events() {
    return this.scoped(this.db.selectFrom("events"), "events");
  }
  updateEvents() {
    return this.scoped(this.db.updateTable("events"), "events");
  }
  webhookEndpoints() {
    return this.scoped(this.db.selectFrom("webhook_endpoints"), "webhook_endpoints");
  }
  updateWebhookEndpoints() {
    return this.scoped(this.db.updateTable("webhook_endpoints"), "webhook_endpoints");
  }
  deleteWebhookEndpoints() {
    return this.scoped(this.db.deleteFrom("webhook_endpoints"), "webhook_endpoints");
  }
  webhookDeliveries() {
    return this.scoped(this.db.selectFrom("webhook_deliveries"), "webhook_deliveries");
  }
  updateWebhookDeliveries() {
    return this.scoped(this.db.updateTable("webhook_deliveries"), "webhook_deliveries");
  }
  mailbox() {
    return this.scoped(this.db.selectFrom("mailbox_messages"), "mailbox_messages");
  }
  /** Re-runs asked of the platform (REST), pending until it reports a run with their job id. */
  runRequests() {
    return this.scoped(this.db.selectFrom("run_requests"), "run_requests");
  }
  updateRunRequests() {
    return this.scoped(this.db.updateTable("run_requests"), "run_requests");
  }
  /** Operations summaries (migration 0007): the home page's counts and the error groups. */
  opsConnectionCounts() {
    return this.scoped(this.db.selectFrom("ops_connection_counts"), "ops_connection_counts");
  }
  opsDayCounts() {
    return this.scoped(this.db.selectFrom("ops_day_counts"), "ops_day_counts");
  }
  opsErrorDays() {
    return this.scoped(this.db.selectFrom("ops_error_days"), "ops_error_days");
  }
  opsErrorGroupTenants() {
    return this.scoped(this.db.selectFrom("ops_error_group_tenants"), "ops_error_group_tenants");
  }
  opsErrorGroupConnections() {
    return this.scoped(this.db.selectFrom("ops_error_group_connections"), "ops_error_group_connections");
  }
  opsErrorGroupDays() {
    return this.scoped(this.db.selectFrom("ops_error_group_days"), "ops_error_group_days");
  }
  opsErrorMembers() {
    return this.scoped(this.db.selectFrom("ops_error_members"), "ops_error_members");
  }
  /** The error group catalogue: shapes with placeholders only, shared by every tenant (read it joined to opsErrorGroupTenants). */
  errorGroupCatalogue() {
    return this.db.selectFrom("ops_error_groups");
  }
  connectionTags() {
    return this.scoped(this.db.selectFrom("connection_tags"), "connection_tags");
  }
  deleteConnectionTags() {
    return this.scoped(this.db.deleteFrom("connection_tags"), "connection_tags");
  }
  /** Alert rules (migration 0009): a tenant's own; rules over every tenant only for an all-tenant scope. */
  alertRules() {
    return this.scoped(this.db.selectFrom("alert_rules"), "alert_rules");
  }
  updateAlertRules() {
    return this.scoped(this.db.updateTable("alert_rules"), "alert_rules");
  }
  deleteAlertRules() {
    return this.scoped(this.db.deleteFrom("alert_rules"), "alert_rules");
  }
  alertFirings() {
    return this.scoped(this.db.selectFrom("alert_firings"), "alert_firings");
  }
  updateAlertFirings() {
    return this.scoped(this.db.updateTable("alert_firings"), "alert_firings");
  }
  deleteAlertFirings() {
    return this.scoped(this.db.deleteFrom("alert_firings"), "alert_firings");
  }
  /** A tenant sees the notifications of its own rules; those of support's all-tenant rules are staff's. */
  alertNotifications() {
    const qb = this.scoped(this.db.selectFrom("alert_notifications"), "alert_notifications");
    return this.tenantId === null ? qb : qb.where("alert_notifications.rule_tenant_id", "=", this.tenantId);
  }
  updateAlertNotifications() {
    return this.scoped(this.db.updateTable("alert_notifications"), "alert_notifications");
  }
  /** The tenants this scope may see (one, or all). */
  tenants() {
    const qb = this.db.selectFrom("tenants");
    return this.tenantId === null ? qb : qb.where("tenants.id", "=", this.tenantId);
  }
  /** The integration catalogue: shared by every tenant, holds no tenant data. */
  integrations() {
    return this.db.selectFrom("integrations");
  }
  /** API keys: platform-wide ones only for an all-tenant scope, a tenant's own otherwise. */
  apiKeys() {
    const qb = this.db.selectFrom("api_keys");
    return this.tenantId === null ? qb : qb.where("api_keys.tenant_id", "=", this.tenantId);
  }
  updateApiKeys() {
    const qb = this.db.updateTable("api_keys");
    return this.tenantId === null ? qb : qb.where("api_keys.tenant_id", "=", this.tenantId);
  }
  /** The signed-in user's own saved views and table preferences. */
  savedViews() {
    return this.db.selectFrom("saved_views").where("saved_views.user_id", "=", this.requireUser().id);
  }
  /** Views others shared with this user: their tenant's (same tenant), or every support user's (staff). */
  sharedSavedViews() {
    const user = this.requireUser();
    const qb = this.db.selectFrom("saved_views").where("saved_views.user_id", "!=", user.id);
    if (isStaff(user)) return qb.where("saved_views.shared", "=", "staff");
    return qb
      .where("saved_views.shared", "=", "tenant")
      .where("saved_views.tenant_id", "=", user.tenantId ?? NO_TENANT);
  }
  tablePrefs() {
    return this.db.selectFrom("user_table_prefs").where("user_table_prefs.user_id", "=", this.requireUser().id);
  }

  /** One connection's row, for an UPDATE: the tenant predicate is part of the statement. */
  updateConnection(id: string) {
    return this.updateConnections().where("connections.id", "=", id);
  }
  updateConnections() {
    return this.scoped(this.db.updateTable("connections"), "connections");
  }
  updateErrors() {
    return this.scoped(this.db.updateTable("connection_errors"), "connection_errors");
  }
  updateLinks() {
    return this.scoped(this.db.updateTable("relink_links"), "relink_links");
  }
  updateBatches() {
    return this.scoped(this.db.updateTable("relink_batches"), "relink_batches");
  }

  /** New rows; the caller sets their tenant_id from a row it read through this scope. */
  insertInto<T extends keyof Database>(table: T) {
    return this.db.insertInto(table);
  }
  updateSavedViews() {
    return this.db.updateTable("saved_views").where("saved_views.user_id", "=", this.requireUser().id);
  }
  deleteSavedViews() {
    return this.db.deleteFrom("saved_views").where("saved_views.user_id", "=", this.requireUser().id);
  }

  /**
   * Unscoped by design: ids from the shared search index (connection_search), which holds no more
   * than what a row's id says. Every id it returns is re-read through connections() before use.
   */
  async unscopedSearchIndexIds(query: RawBuilder<{ id: string }>): Promise<string[]> {
    const result = await query.execute(this.db);
    return result.rows.map((r) => r.id);
  }

  /**
   * The newest `perConnection` runs of each of `ids` (scoped), as one statement: one bounded
   * subquery per connection through its (connection, started_at) index, unioned, so a page of
   * rows costs one read whatever the length of their run histories. Rows come unordered: the
   * caller orders each connection's runs (compareNewestRunsFirst).
   */
  newestRunsOf(ids: readonly string[], perConnection: number) {
    const one = (id: string) =>
      this.db
        .selectFrom(
          this.runs()
            .select(["connection_id", "status", "started_at", "id"])
            .where("connection_id", "=", id)
            .orderBy(newestRunsFirst)
            .orderBy("started_at", "desc")
            .orderBy("id", "desc")
            .limit(perConnection)
            .as("r"),
        )
        .select(["r.connection_id", "r.status", "r.started_at", "r.id"]);
    const [first, ...rest] = ids.map(one);
    return first ? rest.reduce((all, next) => all.unionAll(next), first) : null;
  }

  /** Runs `fn` in one transaction with a scope of the same tenant over it. */
  transaction<T>(fn: (scope: TenantScope) => Promise<T>): Promise<T> {
    return this.db.transaction().execute((trx) => fn(new TenantScope(trx, this.tenantId, this.actor, this.user)));
  }

  /** Whether `tenantId` is one this scope may act on. */
  covers(tenantId: string): boolean {
    return this.tenantId === null || this.tenantId === tenantId;
  }

  requireUser(): SessionUser {
    if (!this.user) throw new ForbiddenError("This needs a signed-in user.");
    return this.user;
  }
}
