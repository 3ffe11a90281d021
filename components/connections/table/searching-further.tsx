"use client";
// What an empty table says while a search's matches lie further along the sort order: it is
// still looking (and can be stopped), or it has looked a long way and asks before going on.
import { Button } from "@/components/ui/button";

export function SearchingFurther({
  searching,
  onStop,
  onContinue,
  onSortByUpdated,
}: {
  searching: boolean;
  onStop: () => void;
  onContinue: () => void;
  onSortByUpdated: () => void;
}) {
  if (searching)
    return (
      <div className="mx-auto max-w-xl space-y-3" role="status">
        <p className="font-medium">Searching further along this order…</p>
        <p className="text-sm text-muted-foreground">
          No matches yet in the part of the list read so far. Each step reads a bounded slice of it.
        </p>
        <Button variant="outline" size="sm" onClick={onStop}>
          Stop
        </Button>
      </div>
    );
  return (
    <div className="mx-auto max-w-xl space-y-3" role="status">
      <p className="font-medium">No matches in the part of the list searched so far</p>
      <p className="text-sm text-muted-foreground">
        The list goes on past where the search stopped. Keep searching, or sort by last updated to reach matches sooner.
      </p>
      <div className="flex flex-wrap justify-center gap-2">
        <Button size="sm" onClick={onContinue}>
          Keep searching
        </Button>
        <Button variant="outline" size="sm" onClick={onSortByUpdated}>
          Sort by last updated
        </Button>
      </div>
    </div>
  );
}
