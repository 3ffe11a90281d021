// Kysely table types for the whole connection model (DESIGN.md). One set of types for
// SQLite and PostgreSQL: timestamps are ISO-8601 UTC strings (`2026-11-21T10:00:00.000Z`,
// sortable as text), booleans are 0/1 integers and JSON is stored as text, so rows look the
// same whichever database is behind them.
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from "kysely";

/** ISO-8601 UTC timestamp string. */
export type Timestamp = string;
/** 0 or 1. */
export type Flag = number;
/** JSON document serialised as text. */
export type JsonText = string;

export { CONNECTION_STATUSES, PLATFORMS, ROLES } from "../lib/constants";
import type { ConnectionStatus, Platform, Role } from "../lib/constants";

export type { ConnectionStatus, Platform, Role };

export interface TenantsTable {
  id: string;
  slug: string;
  name: string;
  /** IANA zone used to read unqualified local times from imports (Codat). */
  time_zone: Generated<string>;
  created_at: Timestamp;
}

export interface UsersTable {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  role: Role;
  /** null for support staff, who belong to no tenant. */
  tenant_id: string | null;
  created_at: Timestamp;
}

export interface ConnectionsTable {
  id: string;
  tenant_id: string;
  /** Which platform the record came from: codat | unified | workiva | generic. */
  platform: Platform;
  /** The upstream platform's own id for the connection; unique per platform. */
  platform_id: string;
  workspace_id: string | null;
  name: string;
  description: string | null;
  /** Provider slug, e.g. `xero`, `salesforce`. */
  provider: string;
  integration_id: string | null;
  integration_key: string | null;
  /** Display name of the integration (Codat PlatformName). */
  integration_name: string | null;
  /** JSON array of category strings. */
  categories: JsonText;
  source_id: string | null;
  source_type: string | null;
  source_workspace_id: string | null;
  destination_id: string | null;
  destination_type: string | null;
  destination_workspace_id: string | null;
  status: ConnectionStatus;
  /** The status exactly as the platform sent it (e.g. Codat `Linked`). */
  upstream_status: string | null;
  /** Derived: expired, deauthorized, disconnected, or error with an active auth error. */
  needs_relink: Flag;
  /** Paused by a console user. */
  user_paused: Flag;
  paused_by: string | null;
  paused_at: Timestamp | null;
  pause_reason: string | null;
  /** Paused by the platform itself (Unified `is_paused`, e.g. plan limit exceeded). */
  platform_paused: Flag;
  platform_paused_reason: string | null;
  environment: string | null;
  external_xref: string | null;
  auth_type: string | null;
  /** JSON array of scope strings. */
  auth_scopes: JsonText | null;
  auth_expires_at: Timestamp | null;
  auth_aws_arn: string | null;
  /** AES-256-GCM ciphertext (sealed by the server's crypto module). Never selected for a response. */
  credentials_encrypted: string | null;
  /** Short non-reversible fingerprint of the credentials, safe to show. */
  credentials_fingerprint: string | null;
  /** JSON array of permission strings (`crm_contact_write`). */
  permissions: JsonText;
  link_url: string | null;
  connection_info: JsonText | null;
  metadata: JsonText | null;
  /** Fields an import could not map, kept verbatim so nothing is lost (JSON object). */
  unmapped: JsonText | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  created_by: string | null;
  updated_by: string | null;
  last_sync_at: Timestamp | null;
  last_run_job_id: string | null;
  last_run_status: string | null;
  last_run_at: Timestamp | null;
  last_run_by: string | null;
  last_run_source_parameters: JsonText | null;
  last_run_destination_parameters: JsonText | null;
  last_run_error: string | null;
  open_error_count: Generated<number>;
  version: Generated<number>;
}

export interface ConnectionRunsTable {
  id: string;
  connection_id: string;
  tenant_id: string;
  job_id: string;
  /** complete | running | error | cancelled | not_started ... */
  status: string;
  source_status: string | null;
  destination_status: string | null;
  started_at: Timestamp | null;
  finished_at: Timestamp | null;
  run_by: string | null;
  source_parameters: JsonText | null;
  destination_parameters: JsonText | null;
  records_read: number | null;
  records_written: number | null;
  error_message: string | null;
  /** Anything else the platform sent for the run (JSON object). */
  extra: JsonText | null;
}

export interface ConnectionErrorsTable {
  id: string;
  connection_id: string;
  tenant_id: string;
  /** Status code from the source platform, e.g. `401`. */
  status_code: string | null;
  status_text: string | null;
  message: string | null;
  errored_at: Timestamp;
  /** active | resolved */
  status: "active" | "resolved";
  /** The platform's own status value, kept as sent (Codat: Active, Resolved or null). */
  upstream_status: string | null;
  is_auth_error: Flag;
  resolved_at: Timestamp | null;
  resolved_by: string | null;
  resolution_note: string | null;
}

export interface RelinkLinksTable {
  id: string;
  /** SHA-256 of the token; the token itself is never stored. */
  token_hash: string;
  connection_id: string;
  tenant_id: string;
  created_by: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  sent_to: string | null;
  opened_at: Timestamp | null;
  used_at: Timestamp | null;
  revoked_at: Timestamp | null;
  revoked_by: string | null;
  batch_id: string | null;
  /** When the link was e-mailed (SMTP accepted it, or the local mailbox took it). */
  sent_at: Generated<Timestamp | null>;
  /** Why the last e-mail of this link failed; null once one was sent. */
  send_error: Generated<string | null>;
  /** When the outbox recorded relink_link.expired for this unused link. */
  expiry_recorded_at: Generated<Timestamp | null>;
}

export interface AuditEventsTable {
  id: string;
  at: Timestamp;
  /** user id, `link:<link id>` for the public flow, `api-key:<id>` for ingest. */
  actor_id: string;
  actor_label: string;
  tenant_id: string | null;
  connection_id: string | null;
  action: string;
  before: JsonText | null;
  after: JsonText | null;
  note: string | null;
}

export interface IntegrationsTable {
  provider: string;
  display_name: string;
  platform: Platform;
  category: string | null;
  /** oauth2 | apikey | ... how re-authorisation works. */
  auth_kind: string;
  authorize_url: string | null;
  token_url: string | null;
  client_id: string | null;
  client_secret_encrypted: string | null;
  /** JSON array of scopes requested on relink. */
  scopes: JsonText;
  /** 1 when the integration uses the built-in sandbox OAuth provider. */
  use_sandbox: Flag;
}

export interface ApiKeysTable {
  id: string;
  name: string;
  /** First characters of the key, shown to recognise it. */
  prefix: string;
  key_hash: string;
  platform: Platform;
  tenant_id: string | null;
  created_by: string;
  created_at: Timestamp;
  revoked_at: Timestamp | null;
  last_used_at: Timestamp | null;
  /** JSON array of permission scopes (lib/api-key-scopes.ts); keys made before scopes are `["ingest"]`. */
  scopes: Generated<JsonText>;
}

/** A REST POST's stored answer, per API key + path + Idempotency-Key (replayed on a retry). */
export interface IdempotencyKeysTable {
  api_key_id: string;
  path: string;
  idempotency_key: string;
  /** SHA-256 of the canonical request body: the same key with another body is refused. */
  request_hash: string;
  /** null while the first request is still being answered */
  status_code: number | null;
  response_body: string | null;
  created_at: Timestamp;
}

/** A re-run a platform was asked for (REST), pending until it ingests a run with this job id. */
export interface RunRequestsTable {
  id: string;
  connection_id: string;
  tenant_id: string;
  job_id: string;
  /** JSON objects: the last run's parameters with the request's overrides applied. */
  source_parameters: JsonText | null;
  destination_parameters: JsonText | null;
  note: string | null;
  requested_by: string;
  requested_by_label: string;
  requested_at: Timestamp;
  status: "pending" | "fulfilled";
  fulfilled_at: Timestamp | null;
  fulfilled_run_id: string | null;
}

export interface LoginAttemptsTable {
  /** lower-cased email + client address */
  key: string;
  failures: number;
  window_started_at: Timestamp;
  last_failure_at: Timestamp;
}

export interface RelinkBatchesTable {
  id: string;
  created_by: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  sent_to: string | null;
}

/** One-time authorization codes of the built-in sandbox OAuth provider (hashes only). */
export interface SandboxOAuthCodesTable {
  code_hash: string;
  client_id: string;
  redirect_uri: string;
  /** PKCE S256 challenge sent with the authorization request. */
  code_challenge: string;
  scope: string;
  /** Test switch: 1 makes the token endpoint refuse this code. */
  fail_token: Flag;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: Timestamp | null;
}

/** Fixed-window request counters (public relink pages), shared by every app instance. */
export interface RateLimitsTable {
  key: string;
  hits: number;
  window_started_at: Timestamp;
}

/** Connection counts per combination of cheap filter values, kept exact by triggers (facets). */
/** Facet counts per UTC creation day (migration 0013): one facet at a time. */
export interface ConnectionCreatedFacetsTable {
  tenant_id: string;
  /** YYYY-MM-DD of created_at */
  day: string;
  /** a FacetKey other than tenant */
  facet: string;
  /** the value as text (flags '0'/'1'; category: the lower-cased JSON array) */
  value: string;
  n: number;
}

export interface ConnectionFacetCountsTable {
  tenant_id: string;
  status: ConnectionStatus;
  provider: string;
  platform: Platform;
  /** lower-cased; '' for none */
  environment: string;
  /** lower-cased JSON array text, as on the connection */
  categories: string;
  needs_relink: Flag;
  user_paused: Flag;
  platform_paused: Flag;
  /** 1 when open_error_count > 0 */
  has_errors: Flag;
  n: number;
}

/** A named list view: the table's URL query string, per user. */
export interface SavedViewsTable {
  id: string;
  user_id: string;
  table_key: string;
  name: string;
  query: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** null: private; 'tenant': the owner's tenant; 'staff': every support user (migration 0009) */
  shared: Generated<"tenant" | "staff" | null>;
  /** the owner's tenant (null for support staff), for the 'tenant' share */
  tenant_id: Generated<string | null>;
  /** the owner's e-mail, shown with a shared view */
  owner_label: Generated<string | null>;
}

/** Per-user table preferences remembered across sessions. */
export interface UserTablePrefsTable {
  user_id: string;
  table_key: string;
  /** JSON array of hidden column ids */
  hidden_columns: Generated<JsonText>;
  density: Generated<string>;
  updated_at: Timestamp;
}

/** The outbox: one row per state change, written in the change's transaction. */
export interface EventsTable {
  /** Insertion order, assigned by the database. */
  position: Generated<number>;
  id: string;
  /** Commit order, assigned after commit by the sequencer; null until then. */
  sequence: number | null;
  type: string;
  tenant_id: string;
  connection_id: string | null;
  occurred_at: Timestamp;
  /** The webhook body, as sent (JSON). */
  body: JsonText;
}

export type WebhookEndpointStatus = "active" | "failing" | "disabled";

export interface WebhookEndpointsTable {
  id: string;
  /** null: platform-wide (every tenant's events) */
  tenant_id: string | null;
  url: string;
  description: string | null;
  /** JSON array of event types */
  event_types: JsonText;
  /** `whsec_…`, sealed by the server's crypto module */
  secret_encrypted: string;
  /** the secret before the last rotation, still signed with until it expires */
  previous_secret_encrypted: string | null;
  previous_secret_expires_at: Timestamp | null;
  status: WebhookEndpointStatus;
  failing_since: Timestamp | null;
  last_success_at: Timestamp | null;
  last_failure_at: Timestamp | null;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export type WebhookDeliveryStatus = "pending" | "succeeded" | "failed";

export interface WebhookDeliveriesTable {
  id: string;
  endpoint_id: string;
  tenant_id: string | null;
  /** null for a test message (its body is test_body) */
  event_id: string | null;
  event_type: string;
  event_sequence: number | null;
  /** deliveries sharing a key go out one at a time, in event_sequence order */
  order_key: string;
  test_body: JsonText | null;
  status: WebhookDeliveryStatus;
  attempts: number;
  next_attempt_at: Timestamp;
  /** a worker's lease on the delivery; past it, another worker may take it over */
  locked_until: Timestamp | null;
  lock_token: string | null;
  first_attempt_at: Timestamp | null;
  last_attempt_at: Timestamp | null;
  last_status_code: number | null;
  last_duration_ms: number | null;
  last_response_snippet: string | null;
  last_error: string | null;
  delivered_at: Timestamp | null;
  created_at: Timestamp;
}

/** Relink e-mails kept locally when no SMTP server is configured (demo, development). */
export interface MailboxMessagesTable {
  id: string;
  tenant_id: string | null;
  to_address: string;
  from_address: string;
  subject: string;
  text_body: string;
  html_body: string;
  created_at: Timestamp;
}

/** Operations summaries (migration 0007), kept exact by triggers: connections per tenant × provider × status. */
export interface OpsConnectionCountsTable {
  tenant_id: string;
  provider: string;
  status: ConnectionStatus;
  n: number;
  needs_relink: number;
  user_paused: number;
  platform_paused: number;
  /** connections with open_error_count > 0 */
  with_errors: number;
}

/**
 * Connections per tenant and UTC bucket of auth_expires_at ('expires:…') or last_sync_at ('sync:…'):
 * kind `<column>:d|h|m`, `day` the timestamp's first 10, 13 or 16 characters (day, hour, minute).
 */
export interface OpsDayCountsTable {
  tenant_id: string;
  kind: string;
  day: string;
  n: number;
}

/** Errors created (by errored_at) and resolved (by resolved_at) per tenant and UTC day. */
export interface OpsErrorDaysTable {
  tenant_id: string;
  day: string;
  created_n: number;
  resolved_n: number;
}

/** An error group: provider, status code and message shape (placeholders only, no tenant's values). */
export interface OpsErrorGroupsTable {
  id: string;
  provider: string;
  status_code: string | null;
  shape: string;
}

/** The error group each error row is counted in (set by trigger). */
export interface OpsErrorMembersTable {
  error_id: string;
  group_id: string;
  tenant_id: string;
}

export interface OpsErrorGroupTenantsTable {
  group_id: string;
  tenant_id: string;
  active_n: number;
  /** connections with at least one active error in the group */
  connections_n: number;
  first_seen: Timestamp;
  last_seen: Timestamp;
}

export interface OpsErrorGroupConnectionsTable {
  group_id: string;
  connection_id: string;
  tenant_id: string;
  active_n: number;
}

export interface OpsErrorGroupDaysTable {
  group_id: string;
  tenant_id: string;
  day: string;
  n: number;
}

/** A free-form label on a connection; `tag_key` is its lower-cased form (one per connection). */
export interface ConnectionTagsTable {
  connection_id: string;
  tenant_id: string;
  tag: string;
  tag_key: string;
  created_by: string;
  created_at: Timestamp;
}

export type AlertKind = "needs_relink" | "auth_expiring" | "error_group_size" | "stale" | "status_is";

/** An alert rule (migration 0009): a condition, a scope and channels. */
export type AlertDelivery = "immediate" | "daily";

export interface AlertRulesTable {
  id: string;
  /** null: every tenant (support staff only) */
  tenant_id: string | null;
  name: string;
  kind: AlertKind;
  /** N of "within N days", "past N connections", "for N days" */
  threshold: number | null;
  /** the X of "status changes to X" */
  status: ConnectionStatus | null;
  platform: Platform | null;
  provider: string | null;
  tag: string | null;
  /** JSON array of e-mail addresses */
  email_to: Generated<JsonText>;
  webhook_endpoint_id: string | null;
  bell: Generated<Flag>;
  enabled: Generated<Flag>;
  /** e-mail at firing time, or one digest per UTC day */
  delivery: Generated<AlertDelivery>;
  /** the UTC day (YYYY-MM-DD) whose digest was claimed; null: none yet */
  last_digest_day: string | null;
  /** 1: e-mail the customer a relink link when a connection starts needing relink */
  auto_relink: Generated<Flag>;
  version: Generated<number>;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** Edge-trigger state: one row per rule × subject, active while its condition holds. */
export interface AlertFiringsTable {
  rule_id: string;
  /** a connection id, or `grp:<tenant>:<group id>` for an error group within a tenant */
  subject_id: string;
  tenant_id: string;
  connection_id: string | null;
  active: Flag;
  fired_at: Timestamp;
  cleared_at: Timestamp | null;
  /** auto-relink rules: the link e-mailed for this firing (the resend's, once resent) */
  auto_link_id: Generated<string | null>;
  /** 1 once a new link went out after the first expired unused */
  auto_resent: Generated<Flag>;
}

/** One firing of a rule for one subject, and what each channel did with it. */
export interface AlertNotificationsTable {
  id: string;
  rule_id: string;
  tenant_id: string;
  /** null: the rule covers every tenant, so only support staff see it */
  rule_tenant_id: string | null;
  connection_id: string | null;
  group_id: string | null;
  title: string;
  bell: Flag;
  email_status: "pending" | "sent" | "failed" | null;
  email_error: string | null;
  webhook_event_id: string | null;
  created_at: Timestamp;
}

export interface AlertNotificationReadsTable {
  user_id: string;
  notification_id: string;
  read_at: Timestamp;
}

export interface Database {
  tenants: TenantsTable;
  users: UsersTable;
  connections: ConnectionsTable;
  connection_runs: ConnectionRunsTable;
  connection_errors: ConnectionErrorsTable;
  relink_links: RelinkLinksTable;
  audit_events: AuditEventsTable;
  integrations: IntegrationsTable;
  api_keys: ApiKeysTable;
  login_attempts: LoginAttemptsTable;
  connection_facet_counts: ConnectionFacetCountsTable;
  connection_created_facets: ConnectionCreatedFacetsTable;
  saved_views: SavedViewsTable;
  user_table_prefs: UserTablePrefsTable;
  relink_batches: RelinkBatchesTable;
  sandbox_oauth_codes: SandboxOAuthCodesTable;
  rate_limits: RateLimitsTable;
  idempotency_keys: IdempotencyKeysTable;
  run_requests: RunRequestsTable;
  events: EventsTable;
  webhook_endpoints: WebhookEndpointsTable;
  webhook_deliveries: WebhookDeliveriesTable;
  mailbox_messages: MailboxMessagesTable;
  ops_connection_counts: OpsConnectionCountsTable;
  ops_day_counts: OpsDayCountsTable;
  ops_error_days: OpsErrorDaysTable;
  ops_error_groups: OpsErrorGroupsTable;
  ops_error_members: OpsErrorMembersTable;
  ops_error_group_tenants: OpsErrorGroupTenantsTable;
  ops_error_group_connections: OpsErrorGroupConnectionsTable;
  ops_error_group_days: OpsErrorGroupDaysTable;
  connection_tags: ConnectionTagsTable;
  alert_rules: AlertRulesTable;
  alert_firings: AlertFiringsTable;
  alert_notifications: AlertNotificationsTable;
  alert_notification_reads: AlertNotificationReadsTable;
}

export type Connection = Selectable<ConnectionsTable>;
export type NewConnection = Insertable<ConnectionsTable>;
export type ConnectionUpdate = Updateable<ConnectionsTable>;
export type ConnectionRun = Selectable<ConnectionRunsTable>;
export type NewConnectionRun = Insertable<ConnectionRunsTable>;
export type ConnectionError = Selectable<ConnectionErrorsTable>;
export type NewConnectionError = Insertable<ConnectionErrorsTable>;
export type Tenant = Selectable<TenantsTable>;
export type User = Selectable<UsersTable>;
export type { ColumnType };
