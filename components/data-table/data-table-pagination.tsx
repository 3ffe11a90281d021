"use client";
// Keyset paging: first, previous, next, last, and page size. There are no page numbers on
// purpose: numbering would need OFFSET, which is what makes page 10,000 slow.
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { fieldClassName } from "@/components/ui/input";
import { PAGE_SIZES } from "@/lib/constants";

interface DataTablePaginationProps {
  size: (typeof PAGE_SIZES)[number];
  onSize: (size: (typeof PAGE_SIZES)[number]) => void;
  prevCursor: string | null;
  nextCursor: string | null;
  atStart: boolean;
  onFirst: () => void;
  onPrev: () => void;
  onNext: () => void;
  onLast: () => void;
  summary: string;
}

export function DataTablePagination({
  size,
  onSize,
  prevCursor,
  nextCursor,
  atStart,
  onFirst,
  onPrev,
  onNext,
  onLast,
  summary,
}: DataTablePaginationProps) {
  const steps = [
    { label: "First page", icon: "icon-chevron-first", disabled: atStart, onClick: onFirst },
    { label: "Previous page", icon: "icon-chevron-left", disabled: !prevCursor, onClick: onPrev },
    { label: "Next page", icon: "icon-chevron-right", disabled: !nextCursor, onClick: onNext },
    { label: "Last page", icon: "icon-chevron-last", disabled: !nextCursor, onClick: onLast },
  ];
  return (
    <nav aria-label="Pagination" className="flex flex-wrap items-center justify-between gap-3 text-sm">
      <p className="text-muted-foreground" aria-live="polite">
        {summary}
      </p>
      <div className="flex items-center gap-2">
        <span className="whitespace-nowrap text-muted-foreground">Rows per page</span>
        {/* A native select: the radix one brought ~6 kB of gzip to every table page for three choices. */}
        <select
          className={cn(fieldClassName, "h-8 w-20 py-1")}
          aria-label="Rows per page"
          value={size}
          onChange={(e) => onSize(Number(e.target.value) as (typeof PAGE_SIZES)[number])}
        >
          {PAGE_SIZES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
        {steps.map(({ label, icon, disabled, onClick }) => (
          <Button
            key={label}
            variant="outline"
            size="icon"
            className="size-8"
            aria-label={label}
            disabled={disabled}
            onClick={onClick}
          >
            <span className={`icon ${icon}`} aria-hidden="true" /> {/* a CSS mask: app/globals.css */}
          </Button>
        ))}
      </div>
    </nav>
  );
}
