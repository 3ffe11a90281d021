import { expect, it } from "vitest";
import { csvCell, relinkCsv } from "./relink-csv";

it("writes tenant, connection, recipient, URL and expiry, quoted safely", () => {
  const csv = relinkCsv([
    {
      tenantName: "Acme, Inc.",
      connectionName: 'Xero "main"',
      connectionId: "con_1",
      sentTo: "a@b.test",
      url: "https://x.test/link/abc",
      expiresAt: "2026-11-28T00:00:00.000Z",
    },
    {
      tenantName: "Globex",
      connectionName: "=HYPERLINK(1)",
      connectionId: "con_2",
      sentTo: null,
      url: "https://x.test/link/def",
      expiresAt: "2026-11-28T00:00:00.000Z",
    },
  ]);
  expect(csv.split("\r\n")).toEqual([
    "tenant,connection,connection_id,recipient,url,expires_at",
    '"Acme, Inc.","Xero ""main""",con_1,a@b.test,https://x.test/link/abc,2026-11-28T00:00:00.000Z',
    "Globex,'=HYPERLINK(1),con_2,,https://x.test/link/def,2026-11-28T00:00:00.000Z",
    "",
  ]);
  expect(csvCell("line\nbreak")).toBe('"line\nbreak"');
});
