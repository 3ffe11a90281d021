// How an import remembers what it could not put in a column, so an export gives back exactly
// what was sent. Stored as the connection's `unmapped` JSON:
//   fields   source keys with no column, verbatim
//   casing   the key style the source used when it was not the default (pascal, snake)
//   dates    date strings whose normalised UTC form differs from what was sent; `read` says how
//            they were read (local/date = in the tenant's zone `zone`)
//   refs     references the console resolves to its own ids (JSON-Schema `tenant_id`), as sent
//   restore  top-level keys whose plain export would differ (absent vs null, defaults filled in,
//            nested keys we do not model); each applies only while the mapped value is unchanged
//   filled   paths of timestamps the source did not send, which the import filled in with its own
//            time: bookkeeping, not the source's data, so never exported
//   undated  errors sent without a time (the import's time stands in), by content
// Nothing here may depend on the import's time: a re-import of the same record must leave the
// trace as it was.
import { isJsonObject, type JsonObject } from "./field-reader";
import type { CodatDateKind } from "./codat-dates";

export interface DateNote {
  was: string;
  as: string;
  read: CodatDateKind;
  zone?: string;
}

/** `naive` / `was` missing means "absent" (the key was not emitted / not sent). */
export interface RestoreEntry {
  naive?: unknown;
  was?: unknown;
}

export interface ImportTrace {
  fields?: JsonObject;
  casing?: string;
  dates?: Record<string, DateNote>;
  refs?: JsonObject;
  restore?: Record<string, RestoreEntry>;
  filled?: string[];
  undated?: string[];
}

export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => jsonEqual(x, b[i]));
  }
  if (!isJsonObject(a) || !isJsonObject(b)) return false;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && jsonEqual(a[k], b[k]));
}

export function serializeTrace(trace: ImportTrace): string | null {
  const compact: ImportTrace = {};
  if (trace.fields && Object.keys(trace.fields).length > 0) compact.fields = trace.fields;
  if (trace.casing) compact.casing = trace.casing;
  if (trace.dates && Object.keys(trace.dates).length > 0) compact.dates = trace.dates;
  if (trace.refs && Object.keys(trace.refs).length > 0) compact.refs = trace.refs;
  if (trace.restore && Object.keys(trace.restore).length > 0) compact.restore = trace.restore;
  if (trace.filled && trace.filled.length > 0) compact.filled = trace.filled;
  if (trace.undated && trace.undated.length > 0) compact.undated = trace.undated;
  return Object.keys(compact).length > 0 ? JSON.stringify(compact) : null;
}

/** Tolerant: a hand-edited or foreign `unmapped` simply restores nothing. */
export function parseTrace(unmapped: string | null): ImportTrace {
  if (unmapped === null) return {};
  try {
    const parsed: unknown = JSON.parse(unmapped);
    if (!isJsonObject(parsed)) return {};
    const trace: ImportTrace = {};
    if (isJsonObject(parsed.fields)) trace.fields = parsed.fields;
    if (typeof parsed.casing === "string") trace.casing = parsed.casing;
    if (isJsonObject(parsed.dates)) trace.dates = parsed.dates as Record<string, DateNote>;
    if (isJsonObject(parsed.refs)) trace.refs = parsed.refs;
    if (isJsonObject(parsed.restore)) trace.restore = parsed.restore as Record<string, RestoreEntry>;
    if (isStringArray(parsed.filled)) trace.filled = parsed.filled;
    if (isStringArray(parsed.undated)) trace.undated = parsed.undated;
    return trace;
  } catch {
    return {};
  }
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === "string");
}

/** `value`, or when the source sent none the import's time, noted as filled in at `path`. */
export function orFilled(trace: ImportTrace, path: string, value: string | null, now: string): string {
  if (value !== null) return value;
  (trace.filled ??= []).push(path);
  return now;
}

/** Null for a timestamp the import filled in (the export leaves it out), else `value`. */
export function unlessFilled<T>(trace: ImportTrace, path: string, value: T): T | null {
  return trace.filled?.includes(path) ? null : value;
}

/** The original string for a date, if the mapped value is still the one it was read as. */
export function restoreDate(trace: ImportTrace, path: string, current: string | null): string | null {
  const note = trace.dates?.[path];
  return note && typeof note.was === "string" && current !== null && note.as === current ? note.was : current;
}

/** Entries for every known top-level key where the plain export differs from what was sent. */
export function diffForRestore(
  sent: JsonObject,
  naive: JsonObject,
  skip: ReadonlySet<string>,
): Record<string, RestoreEntry> {
  const restore: Record<string, RestoreEntry> = {};
  for (const key of new Set([...Object.keys(sent), ...Object.keys(naive)])) {
    // A secret is never copied; a null sent in its place (and exported as absent) holds none.
    if (skip.has(key) && !(sent[key] === null && !Object.hasOwn(naive, key))) continue;
    const inSent = Object.hasOwn(sent, key);
    const inNaive = Object.hasOwn(naive, key);
    if (inSent && inNaive && jsonEqual(sent[key], naive[key])) continue;
    const entry: RestoreEntry = {};
    if (inNaive) entry.naive = naive[key];
    if (inSent) entry.was = sent[key];
    restore[key] = entry;
  }
  return restore;
}

const UNSAFE_KEYS = new Set(["__proto__", "constructor", "prototype"]);

export function applyRestore(naive: JsonObject, trace: ImportTrace): JsonObject {
  const out: JsonObject = { ...naive };
  for (const [key, entry] of Object.entries(trace.restore ?? {})) {
    if (UNSAFE_KEYS.has(key) || !isJsonObject(entry)) continue;
    const unchanged = Object.hasOwn(entry, "naive")
      ? Object.hasOwn(out, key) && jsonEqual(out[key], entry.naive)
      : !Object.hasOwn(out, key);
    if (!unchanged) continue;
    if (Object.hasOwn(entry, "was")) out[key] = entry.was;
    else delete out[key];
  }
  return { ...out, ...(trace.fields ?? {}) };
}
