// Words for the audit log: what each action and field means to a person, so the log reads
// "Paused · Reason: Month-end freeze" rather than `connection.pause` and `pause_reason`.
// Unknown names (a new action, a platform's own field) fall back to a readable form of the name.

const ACTIONS: Record<string, string> = {
  "connection.pause": "Paused connection",
  "connection.resume": "Resumed connection",
  "connection.relinked": "Customer relinked",
  "connection.credentials_read": "Read credentials",
  "connection.run_requested": "Requested a re-run",
  "connection.tags": "Changed tags",
  "errors.resolve": "Resolved errors",
  "relink.created": "Created relink link",
  "relink.revoked": "Revoked relink link",
  "relink.emailed": "E-mailed relink link",
  "relink.email_failed": "Relink e-mail failed",
  "api_key.create": "Created API key",
  "api_key.revoke": "Revoked API key",
  "api_key.scopes": "Changed API key scopes",
  "webhook.create": "Added webhook endpoint",
  "webhook.delete": "Deleted webhook endpoint",
  "webhook.rotate_secret": "Rotated webhook secret",
  "ingest.connections": "Imported connections",
  "ingest.runs": "Imported runs",
  "ingest.errors": "Imported errors",
};

const FIELDS: Record<string, string> = {
  user_paused: "Paused",
  paused_by: "Paused by",
  paused_at: "Paused at",
  pause_reason: "Reason",
  platform_paused: "Paused by platform",
  status: "Status",
  needs_relink: "Needs relink",
  open_error_count: "Open errors",
  resolved: "Errors resolved",
  resolution_note: "Note",
  link_id: "Link",
  expires_at: "Expires",
  sent_to: "Sent to",
  batch_id: "Batch",
  fingerprint: "Credentials fingerprint",
  present: "Credentials present",
  auth_expires_at: "Auth expires",
  tags: "Tags",
  scopes: "Scopes",
  name: "Name",
  url: "URL",
  job_id: "Job",
};

/** "connection.run_requested" → "Connection run requested": a readable fallback for a name. */
export function humanise(name: string): string {
  const words = name.replace(/[._-]+/g, " ").trim();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : name;
}

export const actionLabel = (action: string): string => ACTIONS[action] ?? humanise(action);
export const fieldLabel = (field: string): string => FIELDS[field] ?? humanise(field);
