// The CLI's progress bar (stderr, redrawn in place on a terminal, one line per batch when piped)
// and its closing summary (stdout).
import type { IngestCounts, RecordResult } from "./types";

const WIDTH = 28;

export function progressLine(counts: IngestCounts, processed: number, fraction: number | null): string {
  const bar =
    fraction === null
      ? ""
      : `[${"#".repeat(Math.round(fraction * WIDTH)).padEnd(WIDTH, "-")}] ${Math.floor(fraction * 100)}% `;
  return `${bar}${processed.toLocaleString("en")} records · ${counts.accepted} accepted · ${counts.updated} updated · ${counts.unchanged} unchanged · ${counts.rejected} rejected`;
}

export function createProgress(stream: { write(text: string): unknown; isTTY?: boolean }, total: number | null) {
  const started = Date.now();
  return {
    update(counts: IngestCounts, processed: number, bytesRead: number) {
      const line = progressLine(counts, processed, total ? Math.min(1, bytesRead / total) : null);
      if (stream.isTTY) stream.write(`\r${line}\u001b[K`);
      else stream.write(`${line}\n`);
    },
    done() {
      if (stream.isTTY) stream.write("\n");
      return (Date.now() - started) / 1000;
    },
  };
}

const SHOWN = 50;

export function summaryText(counts: IngestCounts, rejected: RecordResult[], seconds: number): string {
  const total = counts.accepted + counts.updated + counts.unchanged + counts.rejected;
  const lines = [
    `${total.toLocaleString("en")} records in ${seconds.toFixed(1)} s: ${counts.accepted} accepted, ${counts.updated} updated, ${counts.unchanged} unchanged, ${counts.rejected} rejected`,
  ];
  for (const result of rejected.slice(0, SHOWN)) {
    const reasons = (result.issues ?? []).map((i) => `${i.path}: ${i.reason}`).join("; ");
    lines.push(`  rejected #${result.index}: ${reasons}`);
  }
  if (rejected.length > SHOWN) lines.push(`  … and ${rejected.length - SHOWN} more rejected`);
  return lines.join("\n");
}
