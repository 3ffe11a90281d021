"use client";
// The dashed button that opens a filter menu: its title, what is chosen as a badge, a chevron.
import type { ComponentProps, ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";

interface DataTableFilterButtonProps extends ComponentProps<"button"> {
  title: string;
  /** the accessible name, saying what is chosen */
  label: string;
  /** what is chosen, shown short; nothing when the filter is off */
  badge: ReactNode;
}

/** Spreads the rest of its props on the button, so it can be a Radix trigger's child. */
export function DataTableFilterButton({ title, label, badge, ...props }: DataTableFilterButtonProps) {
  return (
    // .btn .filter-btn (app/globals.css): an outline button, small and dashed, in two classes
    <button type="button" aria-label={label} {...props} className={cn("btn filter-btn", props.className)}>
      {title}
      {badge ? (
        <Badge variant="secondary" className="ml-1 max-w-40 truncate">
          {badge}
        </Badge>
      ) : null}
      <span className="icon icon-chevron-down opacity-60" aria-hidden="true" />
    </button>
  );
}
