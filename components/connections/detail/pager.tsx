"use client";
import { ChevronLeft, ChevronRight } from "lucide-react";
import { Button } from "@/components/ui/button";

/** "21–40 of 200" with previous/next; the lists it pages are one connection's rows. */
export function Pager({
  label,
  offset,
  limit,
  total,
  shown,
  onOffset,
  busy,
}: {
  label: string;
  offset: number;
  limit: number;
  total: number;
  shown: number;
  onOffset: (offset: number) => void;
  busy?: boolean;
}) {
  if (total <= limit && offset === 0) return null;
  return (
    <nav
      aria-label={`${label} pages`}
      className="flex items-center justify-end gap-2 pt-3 text-sm text-muted-foreground"
    >
      <span aria-live="polite">
        {total === 0 ? "0" : `${offset + 1}–${offset + shown}`} of {total}
      </span>
      <Button
        size="sm"
        variant="outline"
        disabled={offset === 0 || busy}
        onClick={() => onOffset(Math.max(0, offset - limit))}
        aria-label={`Previous ${label} page`}
      >
        <ChevronLeft aria-hidden="true" /> Previous
      </Button>
      <Button
        size="sm"
        variant="outline"
        disabled={offset + limit >= total || busy}
        onClick={() => onOffset(offset + limit)}
        aria-label={`Next ${label} page`}
      >
        Next <ChevronRight aria-hidden="true" />
      </Button>
    </nav>
  );
}
