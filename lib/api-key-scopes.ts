// What an API key may do, besides which platform's data it imports and which tenant it is bound
// to. Shared by the server (checks), the CLI and the API-keys page (checkboxes), so it has no imports.

export const API_KEY_SCOPES = [
  "ingest",
  "connections:read",
  "connections:write",
  "credentials:read",
  "webhooks:manage",
] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

export const API_KEY_SCOPE_LABELS: Record<ApiKeyScope, string> = {
  ingest: "Push connections, runs and errors (POST /api/ingest)",
  "connections:read": "List and read connections, relink links, run requests and events",
  "connections:write": "Pause, resume, create and revoke relink links, request re-runs",
  "credentials:read": "Read a connection's decrypted credentials (every read is audited)",
  "webhooks:manage": "Add and delete webhook endpoints, rotate secrets, send test events, read deliveries, redeliver",
};

export function isApiKeyScope(value: string): value is ApiKeyScope {
  return (API_KEY_SCOPES as readonly string[]).includes(value);
}
