"use client";
// The auth expiry, counting down in the viewer's browser; exact time on hover.
import { cn } from "@/components/ui/cn";
import { formatExact, parseIso } from "@/components/ui/format-relative";
import { useNow } from "@/components/ui/use-now";
import { describeExpiry } from "./describe-expiry";

const TONE = {
  none: "text-muted-foreground",
  expired: "text-destructive-text font-medium",
  soon: "text-warning-text font-medium",
  ok: "",
} as const;

export function ExpiryCountdown({ value, serverNow }: { value: string | null; serverNow: number }) {
  // Start from the server's clock so the first client render matches the HTML, then tick.
  const now = useNow() ?? serverNow;
  const { tone, text } = describeExpiry(value, now);
  const date = parseIso(value);
  return (
    <span className={cn(TONE[tone])} title={date ? formatExact(date, "UTC") : undefined} data-testid="auth-expiry">
      {text}
    </span>
  );
}
