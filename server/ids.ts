import { randomBytes } from "node:crypto";

/** Sortable-enough random ids with a readable prefix (`con_…`, `run_…`). */
export function newId(prefix: string): string {
  return `${prefix}_${randomBytes(10).toString("hex")}`;
}

export function nowIso(): string {
  return new Date().toISOString();
}
