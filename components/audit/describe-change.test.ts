import { describe, expect, it } from "vitest";
import { describeChange } from "./describe-change";

describe("describeChange", () => {
  it("lists only the fields that changed, old and new", () => {
    expect(
      describeChange(
        { user_paused: false, pause_reason: null, version: 3, same: "x" },
        { user_paused: true, pause_reason: "freeze", version: 4, same: "x" },
      ),
    ).toEqual([
      { field: "user_paused", before: "false", after: "true" },
      { field: "pause_reason", before: "null", after: "freeze" },
      { field: "version", before: "3", after: "4" },
    ]);
  });
  it("handles a missing side and non-objects", () => {
    expect(describeChange(null, { status: "active" })).toEqual([{ field: "status", before: "—", after: "active" }]);
    expect(describeChange(null, null)).toEqual([]);
    expect(describeChange("a", "b")).toEqual([{ field: "value", before: "a", after: "b" }]);
  });
});
