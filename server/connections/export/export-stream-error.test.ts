// A streamed export that fails after its 200 went out ends with a marker (and a log line), not a
// cut socket: at the first batch (a broken database) and between batches (the table vanishes).
import { sql } from "kysely";
import { afterEach, expect, it, vi } from "vitest";
import { seedDemo } from "../../demo-data/seed-demo";
import { log } from "../../log";
import { scopeAs, staff } from "../../test/callers";
import { createTestDb, testKinds } from "../../test/databases";
import { exportConnectionsResponse, type ExportFormat } from "./export-response";
import { EXPORT_BATCH } from "./export-rows";

const request = { filters: {}, sort: "updated_at" as const, dir: "desc" as const };
const MARKER = /export failed \(request id ([A-Za-z0-9_-]{16})\); this file is incomplete/;

afterEach(() => {
  vi.restoreAllMocks();
});

for (const kind of testKinds) {
  it(`[${kind}] ends the CSV and the JSON with an error marker when the database fails mid-stream`, async () => {
    const t = await createTestDb(kind);
    const logged = vi.spyOn(log, "error").mockImplementation(() => undefined);
    try {
      await seedDemo(t.db, { connections: EXPORT_BATCH + 50, seed: 7 });
      for (const format of ["csv", "json"] as ExportFormat[]) {
        const response = exportConnectionsResponse(scopeAs(t.db, staff()), request, format);
        expect(response.status).toBe(200);
        const reader = response.body!.getReader();
        const decoder = new TextDecoder();
        let text = "";
        // Read into the first batch, then take the table away before the second is fetched. The
        // stream pulls one chunk (200 rows) ahead of the reader: stopping 400 rows short of the
        // batch's end keeps that read-ahead inside the batch already fetched (reading the whole
        // batch let the read-ahead fetch the second batch before the rename, on PostgreSQL).
        while (text.split("\n").length < EXPORT_BATCH - 400) {
          const { value, done } = await reader.read();
          if (done) break;
          text += decoder.decode(value, { stream: true });
        }
        await sql`ALTER TABLE connections RENAME TO connections_gone`.execute(t.db);
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          text += decoder.decode(value, { stream: true });
        }
        await sql`ALTER TABLE connections_gone RENAME TO connections`.execute(t.db);
        const requestId = MARKER.exec(text)?.[1];
        expect(requestId).toBeDefined();
        expect(text).not.toMatch(/no such table|does not exist|relation/);
        if (format === "csv") {
          expect(text.endsWith(`# error: export failed (request id ${requestId}); this file is incomplete\r\n`)).toBe(
            true,
          );
        } else {
          const parsed = JSON.parse(text) as Record<string, unknown>[];
          expect(parsed.length).toBe(EXPORT_BATCH + 1);
          expect(parsed.at(-1)).toEqual({
            error: `export failed (request id ${requestId}); this file is incomplete`,
            requestId,
            incomplete: true,
          });
        }
        expect(logged).toHaveBeenLastCalledWith(
          expect.objectContaining({ requestId, route: "export.connections", format, rowsSent: EXPORT_BATCH }),
          expect.any(String),
        );
      }
    } finally {
      await t.drop();
    }
  }, 120_000);

  it(`[${kind}] a failure before the first row still gives a parseable JSON array and a marked CSV`, async () => {
    const t = await createTestDb(kind);
    vi.spyOn(log, "error").mockImplementation(() => undefined);
    try {
      await sql`ALTER TABLE connections RENAME TO connections_gone`.execute(t.db);
      const json = await exportConnectionsResponse(scopeAs(t.db, staff()), request, "json").text();
      expect(JSON.parse(json) as { incomplete?: boolean }[]).toEqual([expect.objectContaining({ incomplete: true })]);
      const csv = await exportConnectionsResponse(scopeAs(t.db, staff()), request, "csv").text();
      expect(csv.split("\r\n")[1]).toMatch(/^# error: export failed \(request id /);
      await sql`ALTER TABLE connections_gone RENAME TO connections`.execute(t.db);
    } finally {
      await t.drop();
    }
  }, 60_000);
}
