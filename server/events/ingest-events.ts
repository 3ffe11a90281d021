// The events an ingest batch stands for, written by the batch in its own transaction: a stored
// connection whose status the platform changed, and new errors. A connection seen for the first
// time has no status change; its errors are new.
import type { ChildPlan } from "../ingest/child-rows";
import type { EventInput } from "./write-events";

export interface StatusChange {
  connectionId: string;
  tenantId: string;
  from: string;
  to: string;
}

export function statusChangeEvents(changes: StatusChange[], at: string): EventInput[] {
  return changes.map((c) => ({
    type: "connection.status_changed",
    tenantId: c.tenantId,
    connectionId: c.connectionId,
    occurredAt: at,
    data: { previous_status: c.from, status: c.to },
  }));
}

/** connection_error.created for each error the batch inserts. */
export function newErrorEvents(plan: ChildPlan, at: string): EventInput[] {
  return plan.errorInserts.map((e): EventInput => ({
    type: "connection_error.created",
    tenantId: e.tenant_id,
    connectionId: e.connection_id,
    occurredAt: at,
    data: {
      error: {
        id: e.id,
        status_code: e.status_code ?? null,
        status_text: e.status_text ?? null,
        message: e.message ?? null,
        errored_at: e.errored_at,
        status: e.status,
        is_auth_error: e.is_auth_error === 1,
      },
    },
  }));
}
