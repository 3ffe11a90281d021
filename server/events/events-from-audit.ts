// Which events an audited change stands for. writeAudit calls this with the audit input, so a
// change that is audited writes its events in the same statement sequence, in the same
// transaction. Actions with no event here (API keys, ingest summaries) write none; ingest writes
// its per-connection events itself (server/ingest).
import type { AuditInput } from "../audit/write-audit";
import { isEventType } from "./event-types";
import type { EventInput } from "./write-events";

type Doc = Record<string, unknown>;

const doc = (value: unknown): Doc =>
  typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Doc) : {};
const text = (value: unknown): string | null => (typeof value === "string" ? value : null);
const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];

export function eventsFromAudit(input: AuditInput): EventInput[] {
  const tenantId = input.tenantId;
  const connectionId = input.connectionId ?? null;
  if (tenantId === null) return [];
  const before = doc(input.before);
  const after = doc(input.after);
  const base = { tenantId, connectionId, occurredAt: input.at };
  switch (input.action) {
    case "connection.pause":
      return [{ ...base, type: "connection.paused", data: { reason: input.note ?? null } }];
    case "connection.resume":
      return [{ ...base, type: "connection.resumed" }];
    case "relink.created":
      return [
        {
          ...base,
          type: "relink_link.created",
          data: {
            link: {
              id: text(after.link_id),
              expires_at: text(after.expires_at),
              sent_to: text(after.sent_to),
              batch_id: text(after.batch_id),
            },
          },
        },
      ];
    case "relink.revoked":
      return [
        {
          ...base,
          type: "relink_link.revoked",
          data: { link: { id: text(before.link_id) }, reason: input.note ?? null },
        },
      ];
    case "connection.relinked": {
      const events: EventInput[] = [
        { ...base, type: "relink_link.completed", data: { link: { id: text(after.link_id) } } },
        {
          ...base,
          type: "connection.credentials_updated",
          data: {
            credentials_fingerprint: text(after.credentials_fingerprint),
            expires_at: text(after.auth_expires_at),
          },
        },
      ];
      if (text(before.status) !== text(after.status)) {
        events.push({
          ...base,
          type: "connection.status_changed",
          data: { previous_status: text(before.status), status: text(after.status) },
        });
      }
      return events;
    }
    case "errors.resolve":
      return strings(before.error_ids).map((id) => ({
        ...base,
        type: "connection_error.resolved" as const,
        data: { error: { id, resolution_note: input.note ?? null } },
      }));
    default:
      // A change audited under its event's own name (e.g. connection.run_requested) is that event.
      return isEventType(input.action) ? [{ ...base, type: input.action, data: after }] : [];
  }
}
