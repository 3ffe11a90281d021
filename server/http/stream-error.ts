// When a streamed export fails after its headers (200) are sent, the status cannot change any
// more: the body ends with a marker instead of just stopping, so a reader can tell a cut-off file
// from a complete one, and the failure is logged under the id the marker names.
//
//   CSV:  a last line `# error: export failed (request id X); this file is incomplete`
//   JSON: the array stays valid JSON and ends with one object
//         `{"error": "export failed (request id X); this file is incomplete", "requestId": "X", "incomplete": true}`
import { log } from "../log";
import { newRequestId } from "./request-id";

export type StreamFormat = "csv" | "json";

const message = (requestId: string) => `export failed (request id ${requestId}); this file is incomplete`;

/** What ends a failed stream. `first`: no JSON element was written yet (the `[` is still to come). */
export function streamErrorMarker(format: StreamFormat, requestId: string, first: boolean): string {
  if (format === "csv") return `# error: ${message(requestId)}\r\n`;
  const marker = JSON.stringify({ error: message(requestId), requestId, incomplete: true });
  return `${first ? "[\n" : ",\n"}${marker}\n]\n`;
}

/** Logs a stream failure with a fresh request id and returns the marker that ends the stream. */
export function failStream(
  error: unknown,
  context: { route: string; format: StreamFormat; rowsSent?: number; first: boolean },
): string {
  const requestId = newRequestId();
  const { first, ...fields } = context;
  log.error({ requestId, ...fields, err: error }, "stream failed after the response started");
  return streamErrorMarker(context.format, requestId, first);
}
