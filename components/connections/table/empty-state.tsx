"use client";
// "No rows" that says which filters hide them, each removable, so nobody stares at an empty
// table wondering whether the data is gone.
import { X } from "lucide-react";
import { Button } from "@/components/ui/button";
import { describeActiveFilters, type ActiveFilter } from "./describe-filters";
import type { ListUrlState } from "@/lib/list-url-state";
import type { FilterPatch } from "./use-list-state";

export function EmptyState({
  state,
  labels,
  onClear,
  onClearAll,
}: {
  state: ListUrlState;
  labels: (key: string, value: string) => string;
  onClear: (patch: FilterPatch) => void;
  onClearAll: () => void;
}) {
  const active: ActiveFilter[] = describeActiveFilters(state, labels);
  if (!active.length)
    return (
      <p className="text-muted-foreground">
        No connections yet. They arrive through the ingest API or `npm run import`.
      </p>
    );
  return (
    <div className="mx-auto max-w-xl space-y-3">
      <p className="font-medium">No connections match these filters</p>
      <ul className="flex flex-wrap justify-center gap-2" aria-label="Filters hiding rows">
        {active.map((f) => (
          <li key={f.label}>
            <Button
              variant="secondary"
              size="sm"
              className="h-7"
              onClick={() => onClear(f.clear)}
              aria-label={`Remove filter ${f.label}`}
            >
              {f.label}
              <X className="size-3.5" aria-hidden="true" />
            </Button>
          </li>
        ))}
      </ul>
      <Button variant="outline" size="sm" onClick={onClearAll}>
        Clear all filters
      </Button>
    </div>
  );
}
