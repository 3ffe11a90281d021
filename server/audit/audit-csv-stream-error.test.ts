import { sql } from "kysely";
import { afterEach, expect, it, vi } from "vitest";
import { log } from "../log";
import { scopeAs, staff } from "../test/callers";
import { describeEachDb } from "../test/databases";
import { auditCsvResponse } from "./audit-csv-response";

afterEach(() => {
  vi.restoreAllMocks();
});

describeEachDb("audit CSV export failing after the 200", (get) => {
  it("ends the file with an error marker naming a logged request id, not the driver's message", async () => {
    const { db } = get();
    const logged = vi.spyOn(log, "error").mockImplementation(() => undefined);
    await sql`ALTER TABLE audit_events RENAME TO audit_events_gone`.execute(db);
    try {
      const response = auditCsvResponse(scopeAs(db, staff()), new URLSearchParams());
      expect(response.status).toBe(200);
      const text = await response.text();
      const requestId = /^# error: export failed \(request id ([\w-]{16})\); this file is incomplete\r\n$/m.exec(
        text,
      )?.[1];
      expect(requestId).toBeDefined();
      expect(text).not.toMatch(/no such table|does not exist/);
      expect(logged.mock.calls[0]?.[0]).toMatchObject({ requestId, route: "export.audit" });
    } finally {
      await sql`ALTER TABLE audit_events_gone RENAME TO audit_events`.execute(db);
    }
  });
});
