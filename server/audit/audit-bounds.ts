// The audit log's date filters: a date (`2026-11-21`, the whole day in UTC) or an ISO date-time,
// between 1970 and 9999. Events are stored as ISO text (`2026-11-21T10:00:00.000Z`) and compared
// as text, so a bound must be an instant in the same four-digit-year format; `Date` itself goes on
// to year 275760, where `toISOString` writes `+275760-…` (or throws one millisecond later).
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?$/i;

const FIRST = Date.parse("1970-01-01T00:00:00.000Z");
/** The first instant after the range: an upper bound at or past it means "no upper bound". */
const END = Date.parse("9999-12-31T00:00:00.000Z") + 86_400_000;

export const BOUND_FORMAT = "Use a date (YYYY-MM-DD) or an ISO date-time (YYYY-MM-DDTHH:MM[:SS][Z or ±HH:MM]).";
export const BOUND_RANGE = "Dates must be between 1970-01-01 and 9999-12-31.";

/** The instant a bound names (date-times without a zone are UTC), or why it is refused. */
function parseBound(value: string): { ok: true; ms: number; dateOnly: boolean } | { ok: false; problem: string } {
  const text = value.trim();
  const date = DATE_ONLY.exec(text);
  const dateTime = date ? null : DATE_TIME.exec(text);
  const parts = date ?? dateTime;
  if (!parts) return { ok: false, problem: `Not a date or date-time. ${BOUND_FORMAT}` };
  const [, y, m, d] = parts;
  const ms = Date.parse(date ? `${text}T00:00:00.000Z` : dateTime?.[4] ? text : `${text}Z`);
  // Date.parse rolls 2026-02-31 over to March: a day that does not exist is refused instead.
  const calendar = new Date(0);
  calendar.setUTCFullYear(Number(y), Number(m) - 1, Number(d)); // Date.UTC would read year 0 as 1900
  const real =
    calendar.getUTCFullYear() === Number(y) &&
    calendar.getUTCMonth() === Number(m) - 1 &&
    calendar.getUTCDate() === Number(d);
  if (Number.isNaN(ms) || !real) return { ok: false, problem: `Not a real date. ${BOUND_FORMAT}` };
  if (ms < FIRST || ms >= END) return { ok: false, problem: BOUND_RANGE };
  return { ok: true, ms, dateOnly: date !== null };
}

/** Why `value` is not a usable bound, or null. */
export function boundProblem(value: string): string | null {
  const parsed = parseBound(value);
  return parsed.ok ? null : parsed.problem;
}

function parsed(value: string) {
  const bound = parseBound(value);
  if (!bound.ok) throw new RangeError(bound.problem); // schemas refuse these before a query is built
  return bound;
}

/** Inclusive lower bound as stored text (a bare date starts at 00:00 UTC). */
export function fromBound(value: string): string {
  return new Date(parsed(value).ms).toISOString();
}

/**
 * Exclusive upper bound as stored text: a bare date includes the whole day, a date-time that
 * instant. Null when the bound is past every storable instant (`9999-12-31`): no upper bound.
 */
export function toBoundExclusive(value: string): string | null {
  const bound = parsed(value);
  const end = bound.dateOnly ? bound.ms + 86_400_000 : bound.ms + 1;
  return end >= END ? null : new Date(end).toISOString();
}
