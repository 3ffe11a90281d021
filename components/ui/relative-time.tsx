"use client";

import * as React from "react";
import { cn } from "./cn";
import { formatExact, formatLocalShort, formatRelative, formatUtc, parseIso } from "./format-relative";
import { Tooltip, TooltipContent, TooltipTrigger } from "./tooltip";
import { useNow } from "./use-now";

interface RelativeTimeProps extends Omit<React.ComponentProps<"time">, "children" | "dateTime"> {
  /** ISO-8601 timestamp (UTC in this app) or null. */
  value: string | null | undefined;
  /** "relative" (default): "3 days ago"; "local": the date and time in the viewer's zone */
  mode?: "relative" | "local";
  /**
   * false inside a link or button, which must hold nothing focusable itself: the exact times
   * then go in the title only.
   */
  focusable?: boolean;
}

/**
 * "3 days ago" (or the local date and time), with the exact time in the viewer's zone and in UTC
 * in a tooltip that opens on hover and on keyboard focus. The server renders in UTC; after mount
 * the client re-renders in the viewer's zone.
 */
export function RelativeTime({ value, className, mode = "relative", focusable = true, ...props }: RelativeTimeProps) {
  // null while rendering on the server and hydrating; the clock's time once mounted.
  const clientNow = useNow();
  const date = parseIso(value);
  if (!date) return <span className={cn("nil", className)}>—</span>; // app/globals.css: muted
  const zone = clientNow === null ? "UTC" : undefined;
  const text =
    mode === "local"
      ? formatLocalShort(date, zone)
      : // eslint-disable-next-line react-hooks/purity -- the server's own clock, for the server render and hydration only (suppressHydrationWarning below)
        formatRelative(value, clientNow ?? Date.now());
  if (!focusable) {
    return (
      <time
        dateTime={date.toISOString()}
        title={`${formatExact(date, zone)} · ${formatUtc(date)}`}
        className={cn("whitespace-nowrap", className)}
        suppressHydrationWarning
        {...props}
      >
        {text}
      </time>
    );
  }
  return (
    <Tooltip>
      <TooltipTrigger asChild>
        <time
          dateTime={date.toISOString()}
          tabIndex={0}
          className={cn("rel-time", className)} // app/globals.css: dotted underline, focus ring
          suppressHydrationWarning
          {...props}
        >
          {text}
        </time>
      </TooltipTrigger>
      <TooltipContent>
        <span className="block" suppressHydrationWarning>
          {formatExact(date, zone)}
        </span>
        <span className="block font-mono">{formatUtc(date)}</span>
      </TooltipContent>
    </Tooltip>
  );
}
