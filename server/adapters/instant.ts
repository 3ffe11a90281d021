// RFC 3339 date-times as Unified, Workiva and the JSON schema send them: a zone (Z or offset)
// is required, and the result is our canonical UTC form (`2026-05-19T18:30:00.000Z`).
import { parseCodatDate } from "./codat-dates";

export type InstantResult = { ok: true; utc: string } | { ok: false; reason: string };

export function parseInstant(value: string): InstantResult {
  const parsed = parseCodatDate(value, "UTC");
  if (!parsed.ok) return parsed;
  if (parsed.kind === "local" || parsed.kind === "date") {
    return { ok: false, reason: `"${value}" has no time zone (needs Z or an offset like +02:00)` };
  }
  return { ok: true, utc: parsed.utc };
}
