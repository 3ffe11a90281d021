"use client";
// "Times are in your time zone (Europe/Berlin)": the zone is the browser's, so it is only known
// after mount; the server render says UTC, which is what it shows until then.
import { useNow } from "./use-now";

export function TimeZoneNote({ className }: { className?: string }) {
  const mounted = useNow() !== null;
  const zone = mounted ? Intl.DateTimeFormat().resolvedOptions().timeZone : "UTC";
  return (
    <p className={className} suppressHydrationWarning>
      Times are in your time zone ({zone}); hover or focus one for the exact time in UTC.
    </p>
  );
}
