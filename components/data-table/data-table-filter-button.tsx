"use client";
// The dashed button that opens a filter menu: its title, what is chosen as a badge, a chevron.
import { ChevronDown } from "lucide-react";
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { Button, type ButtonProps } from "@/components/ui/button";

interface DataTableFilterButtonProps extends ButtonProps {
  title: string;
  /** the accessible name, saying what is chosen */
  label: string;
  /** what is chosen, shown short; nothing when the filter is off */
  badge: ReactNode;
}

/** Spreads the rest of its props on the button, so it can be a Radix trigger's child. */
export function DataTableFilterButton({ title, label, badge, ...props }: DataTableFilterButtonProps) {
  return (
    <Button variant="outline" size="sm" className="h-8 border-dashed" aria-label={label} {...props}>
      {title}
      {badge ? (
        <Badge variant="secondary" className="ml-1 max-w-40 truncate">
          {badge}
        </Badge>
      ) : null}
      <ChevronDown className="size-3.5 opacity-60" aria-hidden="true" />
    </Button>
  );
}
