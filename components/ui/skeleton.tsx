import * as React from "react";
import { cn } from "./cn";

// Decorative placeholder: hidden from assistive tech; the loading region should say aria-busy.
export function Skeleton({ className, ...props }: React.ComponentProps<"div">) {
  return <div aria-hidden="true" className={cn("animate-pulse rounded-md bg-muted", className)} {...props} />;
}
