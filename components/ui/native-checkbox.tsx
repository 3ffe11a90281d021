"use client";

import * as React from "react";
import { cn } from "./cn";

/**
 * A native <input type="checkbox"> drawn like Checkbox (the `.checkbox` rule in app/globals.css),
 * for tables with a box on every row: no button, hidden input, indicator or icon markup per row.
 * checked="indeterminate" sets the input's indeterminate property ("select all" with some rows).
 */
export function NativeCheckbox({
  checked,
  onCheckedChange,
  className,
  ...props
}: Omit<React.ComponentProps<"input">, "type" | "checked" | "onChange"> & {
  checked: boolean | "indeterminate";
  onCheckedChange: (checked: boolean) => void;
}) {
  const ref = React.useRef<HTMLInputElement>(null);
  const indeterminate = checked === "indeterminate";
  React.useEffect(() => {
    if (ref.current) ref.current.indeterminate = indeterminate;
  }, [indeterminate]);
  return (
    <input
      ref={ref}
      type="checkbox"
      className={cn("checkbox", className)}
      checked={checked === true}
      onChange={(e) => onCheckedChange(e.currentTarget.checked)}
      {...props}
    />
  );
}
