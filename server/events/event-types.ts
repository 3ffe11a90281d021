// The event types of the outbox, the webhooks and GET /events. A type names what changed, in
// the past tense; its body is `{id, type, occurred_at, tenant, data: {connection, ...}}`.
export const EVENT_TYPES = [
  "connection.paused",
  "connection.resumed",
  "connection.status_changed",
  "connection.credentials_updated",
  "connection.run_requested",
  "connection_error.created",
  "connection_error.resolved",
  "relink_link.created",
  "relink_link.opened",
  "relink_link.completed",
  "relink_link.expired",
  "relink_link.revoked",
  "alert_rule.created",
  "alert_rule.updated",
  "alert_rule.deleted",
  "alert.triggered",
] as const;

export type EventType = (typeof EVENT_TYPES)[number];

/** Sent by "Send test event"; never stored as an event, since nothing changed. */
export const TEST_EVENT_TYPE = "webhook.test";

export function isEventType(value: string): value is EventType {
  return (EVENT_TYPES as readonly string[]).includes(value);
}

export const EVENT_TYPE_DESCRIPTIONS: Record<EventType, string> = {
  "connection.paused": "A person paused a connection",
  "connection.resumed": "A person resumed a connection",
  "connection.status_changed": "A connection's status changed (ingest or relink)",
  "connection.credentials_updated": "New credentials were stored (relink completed)",
  "connection.run_requested": "A re-run was requested",
  "connection_error.created": "A new error arrived for a connection",
  "connection_error.resolved": "An error was resolved",
  "relink_link.created": "A relink link was created",
  "relink_link.opened": "A customer opened a relink link",
  "relink_link.completed": "A customer completed a relink",
  "relink_link.expired": "A relink link expired unused",
  "relink_link.revoked": "A relink link was revoked",
  "alert_rule.created": "An alert rule was created",
  "alert_rule.updated": "An alert rule was changed, enabled or disabled",
  "alert_rule.deleted": "An alert rule was deleted",
  "alert.triggered": "An alert rule fired (also sent to the endpoint a rule names)",
};
