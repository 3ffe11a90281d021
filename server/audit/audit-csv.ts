// CSV export of the audit log: the same scoped query as the page, streamed in keyset pages.
import { encodeCursor } from "../pagination/cursor";
import { readAuditPage } from "./list-audit-events";
import type { AuditEvent, AuditFilters } from "./list.types";
import type { TenantScope } from "../scope/tenant-scope";

export const AUDIT_CSV_COLUMNS = [
  "at",
  "actor_id",
  "actor",
  "action",
  "tenant_id",
  "tenant",
  "connection_id",
  "connection",
  "note",
  "before",
  "after",
] as const;
/** A hard ceiling so one click cannot stream the whole table forever. */
export const AUDIT_CSV_MAX_ROWS = 100_000;
const PAGE = 100;

/**
 * One CSV field. Quoted always; a leading = + - @ is defused with an apostrophe so a
 * spreadsheet never runs an audit note (which users type) as a formula.
 */
export function csvField(value: unknown): string {
  let text = value === null || value === undefined ? "" : typeof value === "string" ? value : JSON.stringify(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

export function auditCsvRow(e: AuditEvent): string {
  return [
    e.at,
    e.actor_id,
    e.actor_label,
    e.action,
    e.tenant_id,
    e.tenant_name,
    e.connection_id,
    e.connection_name,
    e.note,
    e.before,
    e.after,
  ]
    .map(csvField)
    .join(",");
}

/** Yields the header and then one line per event, newest first. */
export async function* auditCsvLines(scope: TenantScope, filters: AuditFilters): AsyncGenerator<string> {
  yield `${AUDIT_CSV_COLUMNS.join(",")}\r\n`;
  let cursor: string | null = null;
  let written = 0;
  while (written < AUDIT_CSV_MAX_ROWS) {
    const { rows, next } = await readAuditPage(scope, { ...filters, cursor, limit: PAGE });
    for (const row of rows) yield `${auditCsvRow(row)}\r\n`;
    written += rows.length;
    if (!next) return;
    cursor = encodeCursor({ v: next.at, id: next.id });
  }
}
