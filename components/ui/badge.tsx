import * as React from "react";
import { cn } from "./cn";

// Each variant is one class (app/globals.css: .badge-muted and so on), not its utility list: a
// table shows a badge or two a row.
const variants = {
  default: "badge-default",
  secondary: "badge-secondary",
  outline: "badge-outline",
  muted: "badge-muted",
  destructive: "badge-destructive",
  warning: "badge-warning",
  success: "badge-success",
} as const;

export type BadgeVariant = keyof typeof variants;

export interface BadgeProps extends React.ComponentProps<"span"> {
  variant?: BadgeVariant;
}

export function Badge({ variant = "default", className, ...props }: BadgeProps) {
  return (
    <span
      className={cn(
        "badge", // app/globals.css: inline-flex, rounded, xs text; a className here still wins
        variants[variant],
        className,
      )}
      {...props}
    />
  );
}
