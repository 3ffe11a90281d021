import * as React from "react";
import { cn } from "./cn";

export const fieldClassName = cn(
  "w-full rounded-md border border-input bg-background px-3 text-sm shadow-xs transition-colors",
  "placeholder:text-muted-foreground disabled:cursor-not-allowed disabled:opacity-50",
  "focus-visible:outline-hidden focus-visible:ring-2 focus-visible:ring-ring focus-visible:ring-offset-1 focus-visible:ring-offset-background",
  "aria-invalid:border-destructive",
);

export function Input({ className, type = "text", ...props }: React.ComponentProps<"input">) {
  return (
    <input
      type={type}
      className={cn(
        fieldClassName,
        "h-9 py-1 file:border-0 file:bg-transparent file:text-sm file:font-medium",
        className,
      )}
      {...props}
    />
  );
}
