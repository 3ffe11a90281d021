import * as React from "react";
import { cn } from "./cn";

const variants = {
  default: "border-transparent bg-primary text-primary-foreground",
  secondary: "border-transparent bg-secondary text-secondary-foreground",
  outline: "border-border text-foreground",
  muted: "border-transparent bg-muted text-muted-foreground",
  destructive: "border-transparent bg-destructive text-destructive-foreground",
  warning: "border-transparent bg-warning text-warning-foreground",
  success: "border-transparent bg-success text-success-foreground",
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
