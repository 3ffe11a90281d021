import { describe, expect, it } from "vitest";
import { cn } from "./cn";

describe("cn", () => {
  it("joins truthy strings, arrays and object keys in order", () => {
    expect(cn("a", false, null, undefined, "", ["b", ["c", false]], { d: true, e: false, f: null }, 0)).toBe(
      "a b c d 0",
    );
  });
  it("returns an empty string for nothing", () => {
    expect(cn()).toBe("");
  });
});
