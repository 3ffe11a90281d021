// Turns an audit event's before/after JSON into short lines for the table: each field that
// changed, with a person's label and values read the same whether absent or null (never
// "— → null"). Bookkeeping fields (the row version, the bulk run id) are not changes to read.
import { fieldLabel } from "./audit-labels";

export interface ChangeValue {
  /** what to print; "—" for none */
  text: string;
  /** set when the value is a timestamp, so it can be shown in the reader's zone */
  time?: string;
}

export interface ChangeLine {
  field: string;
  label: string;
  /** "set": nothing before; "cleared": nothing after; "changed": both */
  kind: "set" | "cleared" | "changed";
  before: ChangeValue;
  after: ChangeValue;
}

const HIDDEN = new Set(["version", "bulk"]);
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const none = (v: unknown) => v === undefined || v === null || (Array.isArray(v) && v.length === 0);

export function showValue(v: unknown): ChangeValue {
  if (none(v)) return { text: "—" };
  if (typeof v === "boolean") return { text: v ? "Yes" : "No" };
  if (typeof v === "string") return ISO.test(v) ? { text: v, time: v } : { text: v };
  if (typeof v === "number") return { text: String(v) };
  if (Array.isArray(v) && v.every((x) => typeof x === "string" || typeof x === "number")) return { text: v.join(", ") };
  return { text: JSON.stringify(v) };
}

const same = (a: unknown, b: unknown) => (none(a) && none(b)) || JSON.stringify(a) === JSON.stringify(b);

function line(field: string, before: unknown, after: unknown): ChangeLine {
  return {
    field,
    label: fieldLabel(field),
    kind: none(before) ? "set" : none(after) ? "cleared" : "changed",
    before: showValue(before),
    after: showValue(after),
  };
}

/** Fields whose value differs between before and after, in after's key order, then before's. */
export function describeChange(before: unknown, after: unknown): ChangeLine[] {
  if (!isRecord(before) && !isRecord(after)) return same(before, after) ? [] : [line("value", before, after)];
  const b = isRecord(before) ? before : {};
  const a = isRecord(after) ? after : {};
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => !HIDDEN.has(k));
  return keys.filter((k) => !same(a[k], b[k])).map((k) => line(k, b[k], a[k]));
}

/** The bulk run an event belongs to (pause/resume "all matching" stamps its id), if any. */
export function bulkRunOf(after: unknown): string | null {
  return isRecord(after) && typeof after.bulk === "string" ? after.bulk : null;
}
