// Codat's date rules (seed 004): `Z` is UTC, an offset is converted to UTC, and an unqualified
// local time or a bare date is local to the business, i.e. read in the tenant's IANA zone.
// Zone arithmetic uses Intl only; DST gaps move forward and overlaps take the earlier instant
// (the "compatible" rule of Temporal), so every wall time maps to exactly one instant.

/** How the source wrote the value: we keep it so an export can restore the original string. */
export type CodatDateKind = "utc" | "offset" | "local" | "date";

export type CodatDateResult = { ok: true; utc: string; kind: CodatDateKind } | { ok: false; reason: string };

const PATTERN = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** True when Intl knows the zone (`UTC`, `Europe/London`, ...). */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The zone's wall clock at `epochMs`, read back as if it were UTC (milliseconds). */
function wallClockAt(epochMs: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(epochMs))) {
    if (part.type !== "literal") parts[part.type] = Number(part.value);
  }
  const wall = utcMillis(
    parts.year ?? 1970,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    parts.hour ?? 0,
    parts.minute ?? 0,
    parts.second ?? 0,
  );
  return wall + (epochMs - Math.floor(epochMs / 1000) * 1000);
}

/** The instant at which the zone's clock shows `wallMs` (a wall time encoded as UTC millis). */
export function zonedWallTimeToEpoch(wallMs: number, timeZone: string): number {
  const day = 24 * 60 * 60 * 1000;
  const offsetBefore = wallClockAt(wallMs - day, timeZone) - (wallMs - day);
  const offsetAfter = wallClockAt(wallMs + day, timeZone) - (wallMs + day);
  const candidates = [wallMs - offsetBefore, wallMs - offsetAfter].filter(
    (epoch) => wallClockAt(epoch, timeZone) === wallMs,
  );
  // Overlap: two candidates, take the earlier. Gap: none, shift forward by the gap.
  return candidates.length > 0 ? Math.min(...candidates) : wallMs - offsetBefore;
}

/** Date.UTC without its 0–99 → 1900s quirk (only those years need the slow path). */
function utcMillis(year: number, monthIndex: number, day: number, h = 0, m = 0, s = 0, ms = 0): number {
  if (year >= 100) return Date.UTC(year, monthIndex, day, h, m, s, ms);
  const date = new Date(Date.UTC(2000, 0, 1, h, m, s, ms));
  date.setUTCFullYear(year, monthIndex, day);
  return date.getTime();
}

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** `month` 1–12, proleptic Gregorian (as Date computes it). */
function daysInMonth(year: number, month: number): number {
  if (month !== 2) return DAYS[month - 1] ?? 31;
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
}

/** Parse one Codat date/time string into a UTC ISO instant (`…T…:…:….sssZ`). */
export function parseCodatDate(value: string, timeZone: string): CodatDateResult {
  const match = PATTERN.exec(value);
  if (!match) return { ok: false, reason: `"${value}" is not an ISO-8601 date or date-time` };
  const [, y, mo, d, h, mi, s, fraction, zone] = match;
  const year = Number(y);
  const month = Number(mo);
  const dayOfMonth = Number(d);
  const hour = Number(h ?? 0);
  const minute = Number(mi ?? 0);
  const second = Number(s ?? 0);
  if (month < 1 || month > 12 || dayOfMonth < 1 || dayOfMonth > daysInMonth(year, month)) {
    return { ok: false, reason: `"${value}" is not a calendar date` };
  }
  if (hour > 23 || minute > 59 || second > 59) {
    return { ok: false, reason: `"${value}" is not a valid time of day` };
  }
  // Codat sends up to 7 fractional digits (.NET ticks); we keep milliseconds, truncated.
  const millis = Number((fraction ?? "").padEnd(3, "0").slice(0, 3));
  const wall = utcMillis(year, month - 1, dayOfMonth, hour, minute, second, millis);
  if (zone !== undefined) {
    if (zone === "Z") return { ok: true, utc: new Date(wall).toISOString(), kind: "utc" };
    const sign = zone.startsWith("-") ? -1 : 1;
    const digits = zone.slice(1).replace(":", "");
    const offsetHours = Number(digits.slice(0, 2));
    const offsetMinutes = Number(digits.slice(2));
    if (offsetHours > 23 || offsetMinutes > 59) {
      return { ok: false, reason: `"${value}" has an invalid UTC offset` };
    }
    const offsetMs = sign * (offsetHours * 60 + offsetMinutes) * 60_000;
    return { ok: true, utc: new Date(wall - offsetMs).toISOString(), kind: "offset" };
  }
  if (!isValidTimeZone(timeZone)) {
    return { ok: false, reason: `"${value}" is a local time but "${timeZone}" is not an IANA time zone` };
  }
  const kind: CodatDateKind = h === undefined ? "date" : "local";
  return { ok: true, utc: new Date(zonedWallTimeToEpoch(wall, timeZone)).toISOString(), kind };
}
