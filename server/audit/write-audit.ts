// Audit events: every state change writes one, in the same transaction as the change, and with
// it the outbox events the change stands for (server/events/events-from-audit.ts): a change, its
// audit row and its webhook events commit together or not at all.
import type { SessionUser } from "../auth/session-user";
import { eventsFromAudit } from "../events/events-from-audit";
import { writeEvents } from "../events/write-events";
import { newId, nowIso } from "../ids";
import type { TenantScope } from "../scope/tenant-scope";

export interface AuditActor {
  id: string;
  label: string;
}

export const actorOf = (user: SessionUser): AuditActor => ({ id: user.id, label: `${user.email} (${user.role})` });

export interface AuditInput {
  actor: AuditActor;
  action: string;
  tenantId: string | null;
  connectionId?: string | null;
  before?: unknown;
  after?: unknown;
  note?: string | null;
  at?: string;
}

/** Writes one audit event and its outbox events. Pass the scope of the change's own transaction. */
export async function writeAudit(scope: TenantScope, input: AuditInput): Promise<string> {
  const id = newId("aud");
  const at = input.at ?? nowIso();
  await scope
    .insertInto("audit_events")
    .values({
      id,
      at,
      actor_id: input.actor.id,
      actor_label: input.actor.label,
      tenant_id: input.tenantId,
      connection_id: input.connectionId ?? null,
      action: input.action,
      before: input.before === undefined ? null : JSON.stringify(input.before),
      after: input.after === undefined ? null : JSON.stringify(input.after),
      note: input.note ?? null,
    })
    .execute();
  await writeEvents(scope, eventsFromAudit({ ...input, at }));
  return id;
}
