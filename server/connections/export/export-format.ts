// CSV and JSON encodings of exported list rows. CSV cells that a spreadsheet would run as a
// formula (=, +, -, @) are prefixed with a quote: connection names come from customers.
import type { ExportRow } from "./export-rows";

export const EXPORT_COLUMNS = [
  "id",
  "name",
  "tenant_id",
  "tenant_name",
  "platform",
  "platform_id",
  "provider",
  "integration_name",
  "status",
  "needs_relink",
  "user_paused",
  "platform_paused",
  "open_error_count",
  "environment",
  "external_xref",
  "link_url",
  "auth_expires_at",
  "last_sync_at",
  "last_run_status",
  "last_run_at",
  "created_at",
  "updated_at",
  "tags",
] as const satisfies readonly (keyof ExportRow)[];

export function csvCell(value: string | number | boolean | null | string[]): string {
  if (value === null) return "";
  // Tags: one cell, "; " between them (a tag holds no comma, so no ambiguity).
  let text = Array.isArray(value) ? value.join("; ") : String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const csvHeader = (): string => `${EXPORT_COLUMNS.join(",")}\r\n`;
export const csvLine = (row: ExportRow): string => `${EXPORT_COLUMNS.map((c) => csvCell(row[c])).join(",")}\r\n`;

/** JSON array, one row per line: the stream is valid JSON once closed. */
export const jsonLine = (row: ExportRow, first: boolean): string => `${first ? "[\n" : ",\n"}${JSON.stringify(row)}`;
export const jsonClose = (empty: boolean): string => (empty ? "[]\n" : "\n]\n");
