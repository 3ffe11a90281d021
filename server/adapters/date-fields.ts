// Reading a date field = parse + remember the original spelling when normalising changed it.
import { parseCodatDate } from "./codat-dates";
import type { FieldReader } from "./field-reader";
import type { ImportTrace } from "./import-trace";
import { parseInstant } from "./instant";

function note(
  trace: ImportTrace,
  reader: FieldReader,
  key: string,
  was: string,
  as: string,
  read: "utc" | "offset" | "local" | "date",
  zone?: string,
) {
  if (was === as) return;
  trace.dates ??= {};
  trace.dates[reader.pathOf(key)] = zone === undefined ? { was, as, read } : { was, as, read, zone };
}

/** A Codat date: Z, offset, local time or bare date (the last two in `timeZone`). */
export function readCodatDate(
  reader: FieldReader,
  key: string,
  trace: ImportTrace,
  timeZone: string,
  required = false,
): string | null {
  const value = reader.string(key, { required });
  if (value === null) return null;
  const parsed = parseCodatDate(value, timeZone);
  if (!parsed.ok) {
    reader.issue(key, parsed.reason);
    return null;
  }
  const local = parsed.kind === "local" || parsed.kind === "date";
  note(trace, reader, key, value, parsed.utc, parsed.kind, local ? timeZone : undefined);
  return parsed.utc;
}

/** An RFC 3339 date-time with Z or an offset. */
export function readInstant(reader: FieldReader, key: string, trace: ImportTrace, required = false): string | null {
  const value = reader.string(key, { required });
  if (value === null) return null;
  const parsed = parseInstant(value);
  if (!parsed.ok) {
    reader.issue(key, parsed.reason);
    return null;
  }
  note(trace, reader, key, value, parsed.utc, value.endsWith("Z") ? "utc" : "offset");
  return parsed.utc;
}
