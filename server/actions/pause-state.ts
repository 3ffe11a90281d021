// The pause fields of a connection and the one guarded write that flips them. Shared by the
// single (versioned) and bulk (state-conditioned) paths so both audit the same way.
import type { ConnectionStatus } from "../../db/types";
import { writeAudit } from "../audit/write-audit";
import { nowIso } from "../ids";
import type { ConnectionPauseState } from "./pause.types";
import type { TenantScope } from "../scope/tenant-scope";

export const PAUSE_STATE_COLUMNS = [
  "connections.id",
  "connections.tenant_id",
  "connections.status",
  "connections.user_paused",
  "connections.paused_by",
  "connections.paused_at",
  "connections.pause_reason",
  "connections.version",
  "connections.updated_at",
] as const;

export interface RawPauseState {
  id: string;
  tenant_id: string;
  status: ConnectionStatus;
  user_paused: number;
  paused_by: string | null;
  paused_at: string | null;
  pause_reason: string | null;
  version: number;
  updated_at: string;
}

export function toPauseState(row: RawPauseState): ConnectionPauseState {
  return { ...row, user_paused: Boolean(row.user_paused), version: row.version };
}

/** What the audit log keeps of a pause change: the fields it touched, nothing else. */
const auditView = (s: ConnectionPauseState) => ({
  user_paused: s.user_paused,
  paused_by: s.paused_by,
  paused_at: s.paused_at,
  pause_reason: s.pause_reason,
  version: s.version,
});

export interface PauseWrite {
  paused: boolean;
  reason: string | null;
  /** Audit `after` gets `{ bulk: jobId }` so a bulk run can be traced as one. */
  bulkJob?: string;
}

/**
 * Flips the pause flag of one row the caller has already read through the tenant scope, and
 * writes its audit event. Returns the new state, or null when the guard did not hold (another
 * writer got there first): the caller decides whether that is a conflict or a skip.
 * Must run inside the caller's transaction.
 */
export async function writePauseChange(
  scope: TenantScope,
  before: ConnectionPauseState,
  change: PauseWrite,
): Promise<ConnectionPauseState | null> {
  const at = nowIso();
  const update = scope
    .updateConnections()
    .set((eb) => ({
      user_paused: change.paused ? 1 : 0,
      paused_by: change.paused ? scope.actor.name : null,
      paused_at: change.paused ? at : null,
      pause_reason: change.paused ? change.reason : null,
      updated_at: at,
      updated_by: scope.actor.name,
      version: eb("version", "+", 1),
    }))
    .where("id", "=", before.id)
    // Compare-and-set on the version the caller read: the audit's `before` is then exactly the row
    // this write replaced, however many writers race (PostgreSQL re-checks it after a row lock).
    .where("version", "=", before.version)
    .where("user_paused", "=", change.paused ? 0 : 1);
  const row = await update
    .returning([
      "id",
      "tenant_id",
      "status",
      "user_paused",
      "paused_by",
      "paused_at",
      "pause_reason",
      "version",
      "updated_at",
    ])
    .executeTakeFirst();
  if (!row) return null;
  const after = toPauseState(row);
  await writeAudit(scope, {
    actor: scope.actor,
    action: change.paused ? "connection.pause" : "connection.resume",
    tenantId: after.tenant_id,
    connectionId: after.id,
    before: auditView(before),
    after: change.bulkJob ? { ...auditView(after), bulk: change.bulkJob } : auditView(after),
    note: change.reason,
    at,
  });
  return after;
}
