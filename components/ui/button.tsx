import * as React from "react";
import { Slot } from "radix-ui";
import { cn } from "./cn";

// Variants and sizes touch disjoint properties (colour vs. box), so they never conflict.
const variants = {
  default: "bg-primary text-primary-foreground hover:bg-primary/90",
  secondary: "bg-secondary text-secondary-foreground hover:bg-secondary/80",
  outline: "border border-input bg-background hover:bg-accent hover:text-accent-foreground",
  ghost: "hover:bg-accent hover:text-accent-foreground",
  destructive: "bg-destructive text-destructive-foreground hover:bg-destructive/90",
  link: "text-primary underline-offset-4 hover:underline",
} as const;

const sizes = {
  default: "h-9 px-4 py-2",
  sm: "h-8 px-3 text-xs",
  lg: "h-10 px-6",
  icon: "size-9",
} as const;

export type ButtonVariant = keyof typeof variants;
export type ButtonSize = keyof typeof sizes;

export function buttonClassName(variant: ButtonVariant = "default", size: ButtonSize = "default"): string {
  // `btn` (app/globals.css) is the shape every button shares: one class instead of a long list
  // on each of the many buttons of a page (a table has one a row). Variants and sizes, and a
  // caller's className, are utilities and win over it.
  return cn("btn", variants[variant], sizes[size]);
}

export interface ButtonProps extends React.ComponentProps<"button"> {
  variant?: ButtonVariant;
  size?: ButtonSize;
  /** Render the single child (e.g. a Next <Link>) with button styling instead of a <button>. */
  asChild?: boolean;
}

export function Button({ variant, size, asChild = false, className, type, ...props }: ButtonProps) {
  const classes = cn(buttonClassName(variant, size), className);
  if (asChild) return <Slot.Root className={classes} {...props} />;
  // Default to type="button" so a button inside a form never submits by accident.
  return <button type={type ?? "button"} className={classes} {...props} />;
}
