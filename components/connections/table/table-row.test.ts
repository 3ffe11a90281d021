import { describe, expect, it } from "vitest";
import type { TriagedConnectionRow } from "@/server/connections/list/list.types";
import { tablePage, tableRow } from "./table-row";

const row: TriagedConnectionRow = {
  id: "con_1",
  tenant_id: "ten_acme",
  tenant_name: "Acme Corporation",
  platform: "codat",
  platform_id: "cod_1",
  name: "Acme Xero",
  provider: "xero",
  integration_name: null,
  status: "active",
  needs_relink: false,
  user_paused: true,
  platform_paused: false,
  environment: "production",
  external_xref: null,
  link_url: null,
  auth_expires_at: null,
  last_sync_at: "2026-12-01T00:00:00.000Z",
  last_run_status: "complete",
  last_run_at: "2026-12-01T00:00:00.000Z",
  open_error_count: 2,
  created_at: "2026-01-01T00:00:00.000Z",
  updated_at: "2026-12-02T00:00:00.000Z",
  version: 7,
  health: {
    score: 70,
    grade: "degraded",
    factors: [{ key: "errors", label: "Open errors", penalty: 30, detail: "2 open errors" }],
  },
  relink: null,
  tags: ["vip"],
};

describe("tableRow", () => {
  it("keeps what the table draws and the row menu acts on, and no more", () => {
    expect(tableRow(row)).toEqual({
      id: "con_1",
      name: "Acme Xero",
      tenant_name: "Acme Corporation",
      status: "active",
      needs_relink: false,
      user_paused: true,
      platform_paused: false,
      open_error_count: 2,
      provider: "xero",
      platform: "codat",
      environment: "production",
      last_sync_at: "2026-12-01T00:00:00.000Z",
      updated_at: "2026-12-02T00:00:00.000Z",
      created_at: "2026-01-01T00:00:00.000Z",
      tags: ["vip"],
      version: 7,
      // the factors load with the tooltip
      health: { score: 70, grade: "degraded" },
    });
  });

  it("leaves out null fields, which read as null (absent), and keeps set ones", () => {
    const relink = { state: "open" as const, at: "2026-12-02T00:00:00.000Z", expires_at: "2026-12-09T00:00:00.000Z" };
    const t = tableRow({ ...row, relink, link_url: "https://example.test/l/1", integration_name: "Xero" });
    expect(t.relink).toEqual(relink);
    expect(t.link_url).toBe("https://example.test/l/1");
    expect(t.integration_name).toBe("Xero");
    expect("external_xref" in t).toBe(false);
    expect(t.external_xref ?? null).toBeNull();
  });

  it("maps a page's rows and keeps its cursors and partial flag", () => {
    const page = tablePage({ rows: [row], nextCursor: "n", prevCursor: null, partial: true });
    expect(page).toMatchObject({ nextCursor: "n", prevCursor: null, partial: true });
    expect(page.rows).toHaveLength(1);
  });
});
