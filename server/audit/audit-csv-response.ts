// The HTTP side of the audit CSV export: validate the filters, stream the scoped lines.
import type { TenantScope } from "../scope/tenant-scope";
import { failStream } from "../http/stream-error";
import { auditCsvLines } from "./audit-csv";
import { ZAuditFiltersSchema } from "./list.types";

export function auditCsvResponse(scope: TenantScope, params: URLSearchParams): Response {
  const parsed = ZAuditFiltersSchema.safeParse(Object.fromEntries(params));
  if (!parsed.success) {
    return Response.json(
      { error: "Invalid filters.", issues: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`) },
      { status: 400 },
    );
  }
  const lines = auditCsvLines(scope, parsed.data);
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await lines.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      } catch (error) {
        // The 200 is already sent: end the file with a marker rather than cutting the socket.
        const marker = failStream(error, { route: "export.audit", format: "csv", first: false });
        controller.enqueue(encoder.encode(marker));
        controller.close();
      }
    },
    async cancel() {
      await lines.return(undefined);
    },
  });
  const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, "-");
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="audit-${stamp}.csv"`,
      "cache-control": "no-store",
    },
  });
}
