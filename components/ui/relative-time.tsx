"use client";

import * as React from "react";
import { cn } from "./cn";
import { formatExact, formatRelative, parseIso } from "./format-relative";

// One shared ticking clock, so a table of 500 timestamps sets one interval, not 500.
const listeners = new Set<() => void>();
let now = 0;
let timer: ReturnType<typeof setInterval> | undefined;
function subscribe(listener: () => void) {
  listeners.add(listener);
  if (!timer) {
    // React re-checks the snapshot after subscribing, so this refresh re-renders at once.
    now = Date.now();
    timer = setInterval(() => {
      now = Date.now();
      listeners.forEach((l) => l());
    }, 30_000);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer) {
      clearInterval(timer);
      timer = undefined;
      now = 0; // stale once nobody ticks it; the next mount falls back to Date.now()
    }
  };
}

const getNow = (): number | null => (now === 0 ? null : now);
const getServerNow = (): number | null => null;

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
  const clientNow = React.useSyncExternalStore(subscribe, getNow, getServerNow);
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
      {formatRelative(value, clientNow ?? Date.now())}
    </time>
  );
}
