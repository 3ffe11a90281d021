import { describe, expect, it } from "vitest";
import { checkSafeJson, MAX_DEPTH, MAX_STRING_BYTES } from "./safe-json";

function nested(depth: number): unknown {
  let value: unknown = "leaf";
  for (let i = 0; i < depth; i += 1) value = { a: value };
  return value;
}

describe("checkSafeJson", () => {
  it("accepts ordinary JSON", () => {
    expect(checkSafeJson({ a: [1, "x", null, true, { b: 2.5 }], "odd key": "" })).toEqual([]);
  });

  it("rejects prototype keys wherever they are, with a path", () => {
    const raw: unknown = JSON.parse(
      '{"a": [{"__proto__": {"polluted": true}}], "constructor": 1, "b": {"prototype": {}}}',
    );
    expect(checkSafeJson(raw)).toEqual([
      { path: "$.a[0].__proto__", reason: 'key "__proto__" is not allowed' },
      { path: "$.constructor", reason: 'key "constructor" is not allowed' },
      { path: "$.b.prototype", reason: 'key "prototype" is not allowed' },
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it(`allows ${MAX_DEPTH} levels of nesting and not one more`, () => {
    expect(checkSafeJson(nested(MAX_DEPTH))).toEqual([]);
    const issues = checkSafeJson(nested(MAX_DEPTH + 1));
    expect(issues).toHaveLength(1);
    expect(issues[0]?.reason).toContain("deeper than 32");
    expect(issues[0]?.path).toBe(`$${".a".repeat(MAX_DEPTH)}`);
  });

  it("survives a cycle (depth stops it)", () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(checkSafeJson(cyclic)[0]?.reason).toContain("deeper");
  });

  it("limits strings to 64 KiB of UTF-8", () => {
    expect(checkSafeJson({ s: "a".repeat(MAX_STRING_BYTES) })).toEqual([]);
    expect(checkSafeJson({ s: "a".repeat(MAX_STRING_BYTES + 1) })).toEqual([
      { path: "$.s", reason: "string longer than 65536 bytes" },
    ]);
    // 3-byte characters: 21846 × 3 = 65538 bytes, although only 21846 UTF-16 units.
    expect(checkSafeJson(["€".repeat(21846)])).toEqual([{ path: "$[0]", reason: "string longer than 65536 bytes" }]);
  });

  it("rejects values JSON cannot carry", () => {
    expect(checkSafeJson({ n: Number.NaN, d: new Date(0), f: () => 1, u: undefined }).map((i) => i.path)).toEqual([
      "$.n",
      "$.d",
      "$.f",
      "$.u",
    ]);
  });
});
