// A bulk pause or resume writes one audit event per connection, all stamped with the run's id:
// on a page they read as one entry (the run) that opens to its rows. Pure, so it is tested.
import type { AuditEvent } from "@/server/audit/list.types";
import { bulkRunOf } from "./describe-change";

export type AuditEntry = { kind: "event"; event: AuditEvent } | { kind: "bulk"; run: string; events: AuditEvent[] };

/** Consecutive events of one bulk run (same run id and action) become one entry. */
export function groupBulkRuns(rows: AuditEvent[]): AuditEntry[] {
  const out: AuditEntry[] = [];
  for (const event of rows) {
    const run = bulkRunOf(event.after);
    const last = out.at(-1);
    if (run && last?.kind === "bulk" && last.run === run && last.events[0]?.action === event.action) {
      last.events.push(event);
    } else if (run) {
      out.push({ kind: "bulk", run, events: [event] });
    } else {
      out.push({ kind: "event", event });
    }
  }
  // A "run" of one is just an event.
  return out.map((e) =>
    e.kind === "bulk" && e.events.length === 1 && e.events[0] ? { kind: "event", event: e.events[0] } : e,
  );
}
