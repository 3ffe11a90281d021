import { describe, expect, it } from "vitest";
import { diffParams } from "./param-diff";

describe("diffParams", () => {
  it("finds nothing between equal documents, whatever the key order", () => {
    expect(diffParams({ a: 1, b: { c: [1, 2] } }, { b: { c: [1, 2] }, a: 1 })).toEqual([]);
  });

  it("reports nested changes, additions and removals by path, sorted", () => {
    const before = { sheet: "FY24 Q1", range: { from: "A1", to: "K200" }, filters: { entity: "US01" }, old: true };
    const after = {
      sheet: "FY24 Q1",
      range: { from: "A1", to: "K900" },
      filters: { entity: "US01", includeDrafts: true },
    };
    expect(diffParams(before, after)).toEqual([
      { path: "filters.includeDrafts", kind: "added", before: null, after: true },
      { path: "old", kind: "removed", before: true, after: null },
      { path: "range.to", kind: "changed", before: "K200", after: "K900" },
    ]);
  });

  it("compares arrays by index and quotes keys that are not plain names", () => {
    expect(diffParams({ keys: ["a", "b"], "odd key": 1 }, { keys: ["a", "c", "d"], "odd key": 2 })).toEqual([
      { path: "keys[1]", kind: "changed", before: "b", after: "c" },
      { path: "keys[2]", kind: "added", before: null, after: "d" },
      { path: '"odd key"', kind: "changed", before: 1, after: 2 },
    ]);
  });

  it("treats a type change as one change, and null parameters as empty", () => {
    expect(diffParams({ a: { x: 1 } }, { a: [1] })).toEqual([
      { path: "a", kind: "changed", before: { x: 1 }, after: [1] },
    ]);
    expect(diffParams(null, { mode: "append" })).toEqual([
      { path: "mode", kind: "added", before: null, after: "append" },
    ]);
    expect(diffParams({ mode: "append" }, null)).toEqual([
      { path: "mode", kind: "removed", before: "append", after: null },
    ]);
    expect(diffParams(0, 0)).toEqual([]);
    expect(diffParams("x", "y")).toEqual([{ path: "", kind: "changed", before: "x", after: "y" }]);
  });
});
