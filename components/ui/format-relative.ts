// Pure formatting for <RelativeTime>, kept apart so it can be tested without a DOM.
const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ["year", 365 * 24 * 3600],
  ["month", 30 * 24 * 3600],
  ["week", 7 * 24 * 3600],
  ["day", 24 * 3600],
  ["hour", 3600],
  ["minute", 60],
  ["second", 1],
];

const relative = new Intl.RelativeTimeFormat("en", { numeric: "always" });

/** Parses an ISO timestamp; null for null, empty or unparseable input. */
export function parseIso(iso: string | null | undefined): Date | null {
  if (!iso) return null;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** "3 days ago", "in 2 hours", "just now"; "—" when there is no valid time. */
export function formatRelative(iso: string | null | undefined, now: number): string {
  const date = parseIso(iso);
  if (!date) return "—";
  const seconds = Math.round((date.getTime() - now) / 1000);
  if (Math.abs(seconds) < 45) return "just now";
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return relative.format(Math.round(seconds / size), unit);
  }
  return relative.format(seconds, "second");
}

// Building an Intl.DateTimeFormat costs ~0.1 ms (a locale and zone lookup): a table of 25 rows
// renders ~50 times, so the server spent a tenth of a /connections render here. One per zone.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(kind: "exact" | "short", timeZone: string | undefined): Intl.DateTimeFormat {
  const key = `${kind}:${timeZone ?? ""}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(
      undefined,
      kind === "exact"
        ? { dateStyle: "medium", timeStyle: "long", timeZone }
        : {
            year: "numeric",
            month: "short",
            day: "numeric",
            hour: "2-digit",
            minute: "2-digit",
            timeZoneName: "short",
            timeZone,
          },
    );
    // A zone name comes from the viewer's browser or a tenant: a handful, but never unbounded.
    if (formatters.size >= 64) formatters.clear();
    formatters.set(key, f);
  }
  return f;
}

/** The exact time in the viewer's own time zone, zone name included. */
export function formatExact(date: Date, timeZone?: string): string {
  return formatter("exact", timeZone).format(date);
}

/** "Dec 2, 2026, 09:05 EST": a short absolute time in the viewer's zone (or `timeZone`), zone named. */
export function formatLocalShort(date: Date, timeZone?: string): string {
  return formatter("short", timeZone).format(date);
}

/** "2026-12-02 14:05:09 UTC": the exact instant, unambiguous, for tooltips and support tickets. */
export function formatUtc(date: Date): string {
  return `${date
    .toISOString()
    .replace("T", " ")
    .replace(/\.\d+Z$/, "")} UTC`;
}
