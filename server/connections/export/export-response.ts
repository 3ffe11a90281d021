// The export as a streamed HTTP response: rows are pulled from the database only as fast as
// the client reads them, so memory stays flat whatever the list size.
import { csvHeader, csvLine, jsonClose, jsonLine } from "./export-format";
import { exportConnectionRows, type ExportRequest } from "./export-rows";
import { failStream } from "../../http/stream-error";
import type { TenantScope } from "../../scope/tenant-scope";

export type ExportFormat = "csv" | "json";

export function exportConnectionsResponse(
  scope: TenantScope,
  req: ExportRequest,
  format: ExportFormat,
  now: number = Date.now(),
): Response {
  const rows = exportConnectionRows(scope, req, now);
  const encoder = new TextEncoder();
  let count = 0;
  let done = false;
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (done) return;
      // Send up to a few hundred rows per pull: one syscall per row would be slow.
      let chunk = count === 0 && format === "csv" ? csvHeader() : "";
      try {
        for (let i = 0; i < 200; i++) {
          const next = await rows.next();
          if (next.done) {
            done = true;
            if (format === "json") chunk += jsonClose(count === 0);
            break;
          }
          chunk += format === "csv" ? csvLine(next.value) : jsonLine(next.value, count === 0);
          count++;
        }
      } catch (error) {
        // The 200 is already sent: end the body with a marker rather than cutting the socket.
        done = true;
        chunk += failStream(error, { route: "export.connections", format, rowsSent: count, first: count === 0 });
      }
      if (chunk) controller.enqueue(encoder.encode(chunk));
      if (done) controller.close();
    },
    async cancel() {
      await rows.return(undefined);
    },
  });
  const stamp = new Date(now).toISOString().slice(0, 16).replace(/[-:]/g, "").replace("T", "-");
  return new Response(stream, {
    headers: {
      "content-type": format === "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="connections-${stamp}.${format}"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
