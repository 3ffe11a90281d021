// The bulk-relink result as CSV. Built in the browser from the one response that carries the
// URLs: the server keeps only token hashes, so it could not produce this file later.
export interface CsvLink {
  tenantName: string;
  connectionName: string;
  connectionId: string;
  sentTo: string | null;
  url: string;
  expiresAt: string;
}

const HEADER = ["tenant", "connection", "connection_id", "recipient", "url", "expires_at"];

/** RFC 4180 quoting, plus a leading quote on cells a spreadsheet would run as a formula. */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function relinkCsv(links: CsvLink[]): string {
  const lines = [
    HEADER,
    ...links.map((l) => [l.tenantName, l.connectionName, l.connectionId, l.sentTo ?? "", l.url, l.expiresAt]),
  ];
  return lines.map((cells) => cells.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

export function downloadCsv(filename: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: "text/csv;charset=utf-8" }));
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
