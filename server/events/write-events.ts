// The outbox's one writer. Call it inside the transaction of the change, through the same scope:
// the event commits with the change or not at all. Each body carries the connection as it is
// after the change (no credentials; secret-named keys redacted) and the tenant's name.
import { newId, nowIso } from "../ids";
import type { TenantScope } from "../scope/tenant-scope";
import { redactSecrets } from "../secrets/redact-secrets";
import type { EventType } from "./event-types";

export interface EventInput {
  type: EventType;
  tenantId: string;
  connectionId: string | null;
  occurredAt?: string;
  /** members of `data` beside `connection`: `{ link }`, `{ error }`, `{ change }`… */
  data?: Record<string, unknown>;
}

const CONNECTION_FIELDS = [
  "connections.id",
  "connections.platform",
  "connections.platform_id",
  "connections.name",
  "connections.provider",
  "connections.integration_name",
  "connections.status",
  "connections.upstream_status",
  "connections.needs_relink",
  "connections.user_paused",
  "connections.paused_by",
  "connections.paused_at",
  "connections.pause_reason",
  "connections.platform_paused",
  "connections.open_error_count",
  "connections.auth_expires_at",
  "connections.credentials_fingerprint",
  "connections.version",
  "connections.updated_at",
] as const;

const CHUNK = 500;

async function loadConnections(scope: TenantScope, ids: string[]) {
  const byId = new Map<string, Record<string, unknown>>();
  for (let i = 0; i < ids.length; i += CHUNK) {
    const rows = await scope
      .connections()
      .select(CONNECTION_FIELDS)
      .where("connections.id", "in", ids.slice(i, i + CHUNK))
      .execute();
    for (const row of rows) {
      byId.set(row.id, {
        ...row,
        needs_relink: row.needs_relink === 1,
        user_paused: row.user_paused === 1,
        platform_paused: row.platform_paused === 1,
      });
    }
  }
  return byId;
}

/** Writes one event per input, in order; returns their ids. */
export async function writeEvents(scope: TenantScope, inputs: EventInput[]): Promise<string[]> {
  if (inputs.length === 0) return [];
  const connectionIds = [...new Set(inputs.flatMap((e) => (e.connectionId ? [e.connectionId] : [])))];
  const tenantIds = [...new Set(inputs.map((e) => e.tenantId))];
  const connections = await loadConnections(scope, connectionIds);
  const tenants = new Map(
    (await scope.tenants().select(["id", "slug", "name"]).where("id", "in", tenantIds).execute()).map((t) => [t.id, t]),
  );
  const now = nowIso();
  const rows = inputs.map((input) => {
    const id = newId("evt");
    const occurredAt = input.occurredAt ?? now;
    const connection = input.connectionId ? (connections.get(input.connectionId) ?? { id: input.connectionId }) : null;
    const body = {
      id,
      type: input.type,
      occurred_at: occurredAt,
      tenant: tenants.get(input.tenantId) ?? { id: input.tenantId },
      data: redactSecrets({ ...(connection ? { connection } : {}), ...input.data }),
    };
    return {
      id,
      sequence: null,
      type: input.type,
      tenant_id: input.tenantId,
      connection_id: input.connectionId,
      occurred_at: occurredAt,
      body: JSON.stringify(body),
    };
  });
  for (let i = 0; i < rows.length; i += CHUNK) {
    await scope
      .insertInto("events")
      .values(rows.slice(i, i + CHUNK))
      .execute();
  }
  return rows.map((r) => r.id);
}
