"use client";
// The filters that take a number or a date: auth expiring soon, stale sync, created between.
import { DataTableCommitInput as CommitInput } from "@/components/data-table/data-table-commit-input";
import type { FilterPatch } from "./use-list-state";
import type { ListUrlState } from "@/lib/list-url-state";

const toInt = (v: string) => (v.trim() === "" || Number.isNaN(Number(v)) ? null : Math.max(0, Math.trunc(Number(v))));

export function MoreFilters({ state, onChange }: { state: ListUrlState; onChange: (patch: FilterPatch) => void }) {
  return (
    <div
      className="flex flex-wrap items-center gap-x-5 gap-y-2 rounded-md border border-dashed px-3 py-2"
      role="group"
      aria-label="More filters"
    >
      <CommitInput
        id="f-expires"
        label="Auth expires within (days)"
        type="number"
        min={0}
        value={state.expires?.toString() ?? ""}
        onCommit={(v) => onChange({ expires: toInt(v) })}
      />
      <CommitInput
        id="f-stale"
        label="Last sync older than (days)"
        type="number"
        min={0}
        value={state.stale?.toString() ?? ""}
        onCommit={(v) => onChange({ stale: toInt(v) })}
      />
      <CommitInput
        id="f-from"
        label="Created from"
        type="date"
        value={state.from ?? ""}
        onCommit={(v) => onChange({ from: v || null })}
      />
      <CommitInput
        id="f-to"
        label="to"
        type="date"
        value={state.to ?? ""}
        onCommit={(v) => onChange({ to: v || null })}
      />
    </div>
  );
}
