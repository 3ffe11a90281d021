import { expect, it } from "vitest";
import type { AuditEvent } from "@/server/audit/list.types";
import { groupBulkRuns } from "./group-bulk-runs";

const ev = (id: string, action: string, bulk?: string): AuditEvent => ({
  id,
  at: "2026-11-01T12:00:00.000Z",
  actor_id: "u1",
  actor_label: "support@demo.test (support)",
  tenant_id: "ten_acme",
  tenant_name: "Acme Corporation",
  connection_id: `con_${id}`,
  connection_name: `Connection ${id}`,
  action,
  before: { user_paused: false },
  after: bulk ? { user_paused: true, bulk } : { user_paused: true },
  note: null,
});

it("folds consecutive events of one bulk run into one entry, keeping everything else as it is", () => {
  const entries = groupBulkRuns([
    ev("1", "connection.pause", "bulk_a"),
    ev("2", "connection.pause", "bulk_a"),
    ev("3", "connection.pause", "bulk_a"),
    ev("4", "relink.created"),
    ev("5", "connection.pause", "bulk_b"),
    ev("6", "connection.resume", "bulk_c"),
    ev("7", "connection.resume", "bulk_c"),
  ]);
  expect(entries.map((e) => (e.kind === "bulk" ? `${e.run}×${e.events.length}` : e.event.id))).toEqual([
    "bulk_a×3",
    "4",
    "5",
    "bulk_c×2",
  ]);
});
