// What changed in a run's parameters between two runs: the answer to "it worked last week,
// what is different now?". Pure, so the rule is tested without a database.
export interface ParamChange {
  /** dotted path from the root, array indexes in brackets: `range.to`, `dedupeKeys[1]`; "" for the root */
  path: string;
  kind: "added" | "removed" | "changed";
  before: unknown;
  after: unknown;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

function join(parent: string, key: string | number): string {
  if (typeof key === "number") return `${parent}[${key}]`;
  const safe = /^[A-Za-z_$][\w$-]*$/.test(key) ? key : JSON.stringify(key);
  return parent === "" ? safe : `${parent}.${safe}`;
}

function walk(before: unknown, after: unknown, path: string, out: ParamChange[]): void {
  if (before === undefined && after === undefined) return;
  if (before === undefined) {
    out.push({ path, kind: "added", before: null, after });
    return;
  }
  if (after === undefined) {
    out.push({ path, kind: "removed", before, after: null });
    return;
  }
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    for (const key of keys) walk(before[key], after[key], join(path, key), out);
    return;
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    for (let i = 0; i < Math.max(before.length, after.length); i++) walk(before[i], after[i], join(path, i), out);
    return;
  }
  // Scalars, or a type change (object ↔ array ↔ scalar): one change at this path.
  if (!Object.is(before, after)) out.push({ path, kind: "changed", before, after });
}

/**
 * Changes from `before` to `after`, keys in sorted order. A missing side (`null` parameters on a
 * run) counts as an empty object, so every field of the other side shows up as added/removed.
 */
export function diffParams(before: unknown, after: unknown): ParamChange[] {
  const out: ParamChange[] = [];
  walk(before ?? {}, after ?? {}, "", out);
  return out;
}
