import { describe, expect, it } from "vitest";
import { actionLabel, fieldLabel, humanise } from "./audit-labels";
import { bulkRunOf, describeChange, showValue } from "./describe-change";

describe("describeChange", () => {
  it("lists only the fields that changed, with labels, leaving out bookkeeping", () => {
    expect(
      describeChange(
        { user_paused: false, pause_reason: null, version: 3, same: "x" },
        { user_paused: true, pause_reason: "freeze", version: 4, same: "x", bulk: "bulk_1" },
      ),
    ).toEqual([
      { field: "user_paused", label: "Paused", kind: "changed", before: { text: "No" }, after: { text: "Yes" } },
      { field: "pause_reason", label: "Reason", kind: "set", before: { text: "—" }, after: { text: "freeze" } },
    ]);
  });

  it("reads absent and null alike: no '— → null' line for a field that was never set", () => {
    expect(describeChange({ link_id: "lnk_1" }, { link_id: "lnk_1", sent_to: null })).toEqual([]);
    expect(describeChange(null, { status: "active", batch_id: null })).toEqual([
      { field: "status", label: "Status", kind: "set", before: { text: "—" }, after: { text: "active" } },
    ]);
    expect(describeChange({ link_id: "lnk_1" }, null)).toEqual([
      { field: "link_id", label: "Link", kind: "cleared", before: { text: "lnk_1" }, after: { text: "—" } },
    ]);
  });

  it("handles non-objects and marks timestamps for the reader's zone", () => {
    expect(describeChange(null, null)).toEqual([]);
    expect(describeChange("a", "b")).toMatchObject([{ field: "value", kind: "changed" }]);
    expect(showValue("2026-11-01T12:00:00.000Z")).toEqual({
      text: "2026-11-01T12:00:00.000Z",
      time: "2026-11-01T12:00:00.000Z",
    });
    expect(showValue(["a", "b"])).toEqual({ text: "a, b" });
    expect(showValue([])).toEqual({ text: "—" });
  });

  it("finds the bulk run an event belongs to", () => {
    expect(bulkRunOf({ user_paused: true, bulk: "bulk_9" })).toBe("bulk_9");
    expect(bulkRunOf({ user_paused: true })).toBeNull();
    expect(bulkRunOf(null)).toBeNull();
  });
});

describe("audit labels", () => {
  it("names known actions and fields, and words unknown ones readably", () => {
    expect(actionLabel("connection.pause")).toBe("Paused connection");
    expect(actionLabel("webhook.something_new")).toBe("Webhook something new");
    expect(fieldLabel("pause_reason")).toBe("Reason");
    expect(fieldLabel("records_written")).toBe("Records written");
    expect(humanise("")).toBe("");
  });
});
