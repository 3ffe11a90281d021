// Turns an audit event's before/after JSON into short "field: old → new" lines for the table.
export interface ChangeLine {
  field: string;
  before: string;
  after: string;
}

const show = (v: unknown): string =>
  v === undefined ? "—" : v === null ? "null" : typeof v === "string" ? v : JSON.stringify(v);
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** Fields whose value differs between before and after, in after's key order, then before's. */
export function describeChange(before: unknown, after: unknown): ChangeLine[] {
  if (!isRecord(before) && !isRecord(after)) {
    return JSON.stringify(before) === JSON.stringify(after)
      ? []
      : [{ field: "value", before: show(before ?? undefined), after: show(after ?? undefined) }];
  }
  const b = isRecord(before) ? before : {};
  const a = isRecord(after) ? after : {};
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  return keys
    .filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]))
    .map((k) => ({ field: k, before: show(b[k]), after: show(a[k]) }));
}
