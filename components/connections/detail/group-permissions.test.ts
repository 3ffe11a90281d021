import { describe, expect, it } from "vitest";
import { groupPermissions } from "./group-permissions";

describe("groupPermissions", () => {
  const perms = [
    "crm_contact_write",
    "crm_contact_read",
    "accounting_invoice_read",
    "hris_employee_group_read",
    "webhook",
  ];

  it("groups by category and object, merges read and write, and puts odd ones last", () => {
    expect(groupPermissions(perms)).toEqual([
      { category: "accounting", objects: [{ object: "invoice", access: ["read"], raw: ["accounting_invoice_read"] }] },
      {
        category: "crm",
        objects: [{ object: "contact", access: ["read", "write"], raw: ["crm_contact_write", "crm_contact_read"] }],
      },
      {
        category: "hris",
        objects: [{ object: "employee_group", access: ["read"], raw: ["hris_employee_group_read"] }],
      },
      { category: "other", objects: [{ object: "webhook", access: [], raw: ["webhook"] }] },
    ]);
  });

  it("filters by any part of the name, with spaces or underscores", () => {
    expect(groupPermissions(perms, "employee group").map((g) => g.category)).toEqual(["hris"]);
    expect(groupPermissions(perms, "WRITE").flatMap((g) => g.objects.flatMap((o) => o.raw))).toEqual([
      "crm_contact_write",
    ]);
    expect(groupPermissions(perms, "nothing")).toEqual([]);
  });
});
