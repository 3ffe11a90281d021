"use client";
// A number or date filter that applies on Enter or when focus leaves, not on every keystroke,
// and follows the URL when it changes from elsewhere.
import { useState } from "react";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";

export function DataTableCommitInput({
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
