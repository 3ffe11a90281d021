"use client";
// Keyset paging: first, previous, next, last, and page size. There are no page numbers on
// purpose: numbering would need OFFSET, which is what makes page 10,000 slow.
import { ChevronFirst, ChevronLast, ChevronLeft, ChevronRight } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
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
    { label: "First page", Icon: ChevronFirst, disabled: atStart, onClick: onFirst },
    { label: "Previous page", Icon: ChevronLeft, disabled: !prevCursor, onClick: onPrev },
    { label: "Next page", Icon: ChevronRight, disabled: !nextCursor, onClick: onNext },
    { label: "Last page", Icon: ChevronLast, disabled: !nextCursor, onClick: onLast },
  ];
  return (
    <nav aria-label="Pagination" className="flex flex-wrap items-center justify-between gap-3 text-sm">
      <p className="text-muted-foreground" aria-live="polite">
        {summary}
      </p>
      <div className="flex items-center gap-2">
        <span className="whitespace-nowrap text-muted-foreground">Rows per page</span>
        <Select value={String(size)} onValueChange={(v) => onSize(Number(v) as (typeof PAGE_SIZES)[number])}>
          <SelectTrigger className="h-8 w-20" aria-label="Rows per page">
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            {PAGE_SIZES.map((s) => (
              <SelectItem key={s} value={String(s)}>
                {s}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
        {steps.map(({ label, Icon, disabled, onClick }) => (
          <Button
            key={label}
            variant="outline"
            size="icon"
            className="size-8"
            aria-label={label}
            disabled={disabled}
            onClick={onClick}
          >
            <Icon className="size-4" aria-hidden="true" />
          </Button>
        ))}
      </div>
    </nav>
  );
}
