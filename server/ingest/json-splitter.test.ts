import { describe, expect, it } from "vitest";
import { JsonSplitter, JsonStructureError, MAX_RECORD_CHARS } from "./json-splitter";
import { readAllRecords } from "./read-records";

function split(text: string, chunkSize = 3) {
  const s = new JsonSplitter();
  const out = [];
  for (let i = 0; i < text.length; i += chunkSize) out.push(...s.push(text.slice(i, i + chunkSize)));
  out.push(...s.end());
  return out;
}

describe("JsonSplitter", () => {
  it("splits a JSON array across arbitrary chunk boundaries, strings with brackets and escapes intact", () => {
    const values = [{ a: '}]"\\', b: [1, { c: "x" }] }, "str,]", 42, null, [1, 2]];
    for (const size of [1, 2, 3, 7, 1000]) {
      expect(split(JSON.stringify(values, null, 1), size).map((v) => JSON.parse(v.text) as unknown)).toEqual(values);
    }
  });

  it("splits NDJSON, keeps a bad line as its own record and notes its line", () => {
    const out = split('{"a":1}\n\nnot json\n{"b":"\\n"}\n');
    expect(out.map((v) => [v.text, v.line])).toEqual([
      ['{"a":1}', 1],
      ["not json", 3],
      ['{"b":"\\n"}', 4],
    ]);
  });

  it("flags too deep and too large values without parsing them", () => {
    expect(split("[" + "[".repeat(40) + "]".repeat(40) + "]")[0]?.problem).toMatch(/deeper than 32/);
    expect(split(`{"a":"${"x".repeat(MAX_RECORD_CHARS)}"}`, 65536)[0]?.problem).toMatch(/larger than/);
  });

  it("throws on a broken array structure; a truncated NDJSON value becomes a rejected record", () => {
    expect(() => split('[{"a":1}')).toThrow(JsonStructureError);
    expect(() => split('[{"a":1} {"b":2}]')).toThrow(/expected "," or "]"/);
    expect(() => split("[1] 2")).toThrow(/after the closing/);
    expect(split('{"a":1}\n{"b":')[1]?.problem).toBe("incomplete JSON value at end of input");
  });
});

describe("readAllRecords", () => {
  it("refuses an escaped NUL character but not an escaped backslash before u0000", async () => {
    const records = await readAllRecords('[{"a":"x\\u0000"}, {"a":"x\\\\u0000"}]', "connections", "codat");
    expect(records[0]?.problem).toMatch(/NUL character/);
    expect(records[1]?.record).toEqual({ a: "x\\u0000" });
  });

  it("numbers records across envelopes and gives each its path", async () => {
    const page = { results: [{ id: "a" }, { id: "b" }], pageNumber: 1 };
    expect((await readAllRecords(JSON.stringify(page), "connections", "codat")).map((r) => [r.index, r.path])).toEqual([
      [0, "$.results[0]"],
      [1, "$.results[1]"],
    ]);
    const ndjson = [page, page].map((p) => JSON.stringify(p)).join("\n");
    expect((await readAllRecords(ndjson, "connections", "codat")).map((r) => r.path)).toEqual([
      "$[0].results[0]",
      "$[0].results[1]",
      "$[1].results[0]",
      "$[1].results[1]",
    ]);
    expect((await readAllRecords("[{}, {}]", "errors", "codat")).map((r) => r.path)).toEqual(["$[0]", "$[1]"]);
  });
});
