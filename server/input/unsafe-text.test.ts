import { describe, expect, it } from "vitest";
import { findUnsafeText, formatInputPath, textProblem } from "./unsafe-text";

describe("textProblem", () => {
  it("accepts ordinary text, emoji (paired surrogates) and other control characters", () => {
    expect(textProblem("Acme — Straße 😀 \t\n")).toBeNull();
  });
  it("refuses a NUL character and an unpaired surrogate of either half", () => {
    expect(textProblem("a\u0000b")).toMatch(/NUL/);
    expect(textProblem("a\ud800b")).toMatch(/surrogate/);
    expect(textProblem("\udc00")).toMatch(/surrogate/);
    expect(textProblem("😀".slice(0, 1))).toMatch(/surrogate/);
  });
});

describe("findUnsafeText", () => {
  it("finds the first bad string with its path, in objects, arrays, maps and sets", () => {
    expect(findUnsafeText({ a: "ok", filters: { status: ["x", "y\u0000"] } })?.path).toEqual(["filters", "status", 1]);
    expect(findUnsafeText([{ ok: true }, { note: "\ud83d" }])?.path).toEqual([1, "note"]);
    expect(findUnsafeText(new Map([["k", "v\u0000"]]))?.path).toEqual(["k"]);
    expect(findUnsafeText({ s: new Set(["a", "b\u0000"]) })?.path).toEqual(["s", 1]);
  });
  it("checks object keys too, without putting the raw character in the path", () => {
    const found = findUnsafeText({ meta: { "bad\u0000key": 1 } });
    expect(found?.path).toEqual(["meta", "bad\\u0000key"]);
    expect(found?.problem).toMatch(/key/);
  });
  it("returns null for clean values, numbers, dates and null", () => {
    expect(findUnsafeText({ n: 1, d: new Date(), x: null, list: ["a", "b"] })).toBeNull();
    expect(findUnsafeText(undefined)).toBeNull();
  });
});

it("formats paths as people write them", () => {
  expect(formatInputPath(["filters", "status", 0, "x"])).toBe("filters.status[0].x");
  expect(formatInputPath([0, "a"])).toBe("[0].a");
  expect(formatInputPath([])).toBe("");
});
