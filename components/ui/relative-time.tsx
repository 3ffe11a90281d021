"use client";

import * as React from "react";
import { cn } from "./cn";
import { formatExact, formatRelative, parseIso } from "./format-relative";
import { useNow } from "./use-now";

interface RelativeTimeProps extends Omit<React.ComponentProps<"time">, "children" | "dateTime"> {
  /** ISO-8601 timestamp (UTC in this app) or null. */
  value: string | null | undefined;
}

/**
 * "3 days ago" with the exact local time as the title. The server renders in its
 * own clock and zone; after mount the client re-renders in the viewer's zone.
 */
export function RelativeTime({ value, className, ...props }: RelativeTimeProps) {
  // null while rendering on the server and hydrating; the clock's time once mounted.
  const clientNow = useNow();
  const date = parseIso(value);
  if (!date) return <span className={cn("text-muted-foreground", className)}>—</span>;
  return (
    <time
      dateTime={date.toISOString()}
      title={clientNow === null ? formatExact(date, "UTC") : formatExact(date)}
      className={cn("whitespace-nowrap", className)}
      suppressHydrationWarning
      {...props}
    >
      {/* eslint-disable-next-line react-hooks/purity -- the server's own clock, for the server render and hydration only (suppressHydrationWarning above) */}
      {formatRelative(value, clientNow ?? Date.now())}
    </time>
  );
}
