"use client";
// The filters that take a number or a date: auth expiring soon, stale sync, created between.
import { useState } from "react";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import type { FilterPatch } from "./use-list-state";
import type { ListUrlState } from "@/lib/list-url-state";

function CommitInput({
  id,
  label,
  type,
  value,
  onCommit,
  min,
}: {
  id: string;
  label: string;
  type: "number" | "date";
  value: string;
  onCommit: (v: string) => void;
  min?: number;
}) {
  const [draft, setDraft] = useState(value);
  // A new value from the URL replaces the draft; adjusted while rendering, not in an effect.
  const [committed, setCommitted] = useState(value);
  if (value !== committed) {
    setCommitted(value);
    setDraft(value);
  }
  const commit = () => {
    if (draft !== value) onCommit(draft);
  };
  return (
    <div className="flex items-center gap-2">
      <Label htmlFor={id} className="whitespace-nowrap text-xs text-muted-foreground">
        {label}
      </Label>
      <Input
        id={id}
        type={type}
        min={min}
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => e.key === "Enter" && commit()}
        className={type === "number" ? "h-8 w-20" : "h-8 w-40"}
      />
    </div>
  );
}

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
