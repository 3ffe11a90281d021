"use client";
// Tag (or untag) the selected connections, or every one matching the current filter, from the
// table's bulk actions bar; the server works in steps and the dialog shows how far it got.
import { useMutation } from "@tanstack/react-query";
import { Tag } from "lucide-react";
import { useId, useState } from "react";
import { readActionError } from "@/components/actions/action-error";
import { useTRPC } from "@/components/providers/trpc-client";
import { Button } from "@/components/ui/button";
import { FormDialog } from "@/components/ui/form-dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import type { ConnectionFiltersInput } from "@/server/connections/list/filters.types";
import { parseTags } from "./parse-tags";

export function BulkTagDialog({
  selectedIds,
  filters,
  onDone,
}: {
  selectedIds: string[];
  filters: ConnectionFiltersInput;
  onDone: () => void;
}) {
  const trpc = useTRPC();
  const step = useMutation(trpc.tags.bulk.mutationOptions());
  const id = useId();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState("");
  const [action, setAction] = useState<"add" | "remove">("add");
  const [scope, setScope] = useState<"selected" | "matching">(selectedIds.length ? "selected" : "matching");
  const [progress, setProgress] = useState<{ processed: number; changed: number; total: number | null } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const tags = parseTags(text);

  const run = async () => {
    setError(null);
    setDone(false);
    const target =
      scope === "selected" ? { kind: "ids" as const, ids: selectedIds } : { kind: "filter" as const, filters };
    let cursor: string | null = null;
    let p = { processed: 0, changed: 0, total: null as number | null };
    setProgress(p);
    try {
      for (;;) {
        const r = await step.mutateAsync({ action, tags, target, cursor });
        p = { processed: p.processed + r.processed, changed: p.changed + r.changed, total: r.total ?? p.total };
        setProgress(p);
        cursor = r.nextCursor;
        if (r.done) break;
      }
      setDone(true);
      onDone();
    } catch (e) {
      setError(readActionError(e).message);
    }
  };

  return (
    <FormDialog
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        if (o) {
          setProgress(null);
          setDone(false);
          setError(null);
          setScope(selectedIds.length ? "selected" : "matching");
        }
      }}
      trigger={
        <Button variant="outline" size="sm">
          <Tag aria-hidden="true" />
          Tags…
        </Button>
      }
      title="Tag connections"
      description="Add tags to, or remove them from, the selected connections or every one matching the current filter. Each change is audited."
      onSubmit={() => void run()}
      submitLabel={action === "add" ? "Add tags" : "Remove tags"}
      pending={step.isPending}
      submitDisabled={tags.length === 0 || (scope === "selected" && selectedIds.length === 0) || done}
      error={error}
      cancel
    >
      <div className="grid gap-3">
        <div className="grid gap-1.5">
          <Label htmlFor={`${id}-tags`}>Tags (separated by commas)</Label>
          <Input id={`${id}-tags`} value={text} maxLength={400} onChange={(e) => setText(e.target.value)} />
        </div>
        <fieldset className="flex gap-4 text-sm">
          <legend className="sr-only">Add or remove</legend>
          {(["add", "remove"] as const).map((a) => (
            <label key={a} className="flex items-center gap-1.5">
              <input type="radio" name={`${id}-action`} checked={action === a} onChange={() => setAction(a)} />
              {a === "add" ? "Add" : "Remove"}
            </label>
          ))}
        </fieldset>
        <fieldset className="flex gap-4 text-sm">
          <legend className="sr-only">Which connections</legend>
          <label className="flex items-center gap-1.5">
            <input
              type="radio"
              name={`${id}-scope`}
              checked={scope === "selected"}
              disabled={selectedIds.length === 0}
              onChange={() => setScope("selected")}
            />
            The {selectedIds.length} selected
          </label>
          <label className="flex items-center gap-1.5">
            <input
              type="radio"
              name={`${id}-scope`}
              checked={scope === "matching"}
              onChange={() => setScope("matching")}
            />
            All matching the filter
          </label>
        </fieldset>
        {progress ? (
          <p role="status" aria-live="polite" className="text-sm tabular-nums">
            {done ? "Done: " : "Working… "}
            {progress.processed}
            {progress.total !== null ? ` of ${progress.total}` : ""} looked at, {progress.changed} changed.
          </p>
        ) : null}
      </div>
    </FormDialog>
  );
}
