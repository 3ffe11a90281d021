import { expect, it } from "vitest";
import { findJsonSyntaxError, lineAndColumn } from "./json-syntax-error";

it("finds nothing wrong in valid JSON, whatever JSON.parse accepts", () => {
  for (const ok of ['{"a":[1,-2.5e3,true,false,null,"x\\u00e9\\n"]}', " [] ", '"s"', "0", '{"":{}}'])
    expect(findJsonSyntaxError(ok)).toBeNull();
});

it("says where and what for each kind of break, agreeing with JSON.parse that it is broken", () => {
  const cases: [string, number, RegExp][] = [
    ['{"password": hunter2}', 13, /^unexpected character/],
    ["{'a': 1}", 1, /property name in double quotes/],
    ['{"a" 1}', 5, /expected ":"/],
    ['{"a": 1 "b": 2}', 8, /expected "," or "}"/],
    ["[1 2]", 3, /expected "," or "]"/],
    ['{"a": "x', 8, /^unexpected end of input/],
    ['{"a": "x\ny"}', 8, /control character/],
    ['{"a": "\\q"}', 7, /invalid escape/],
    ['{"a": "\\u12G4"}', 7, /invalid \\u escape/],
    ['{"a": -}', 6, /invalid number/],
    ['{"a": 1}}', 8, /after the end of the value/],
    ["", 0, /^unexpected end of input/],
  ];
  for (const [text, offset, kind] of cases) {
    expect(() => JSON.parse(text) as unknown).toThrow();
    const found = findJsonSyntaxError(text);
    expect({ text, offset: found?.offset }).toEqual({ text, offset });
    expect(found?.kind).toMatch(kind);
  }
});

it("never puts the text in what it says", () => {
  const found = findJsonSyntaxError('{"token": sk_live_abcdef}');
  expect(JSON.stringify(found)).not.toMatch(/sk_live|abcdef|token/);
});

it("turns an offset into a line and column, counting from where the record started", () => {
  expect(lineAndColumn('{"a":\n  x}', 8, 5, 1)).toEqual({ line: 6, column: 3 });
  expect(lineAndColumn('{"a": x}', 6, 1, 10)).toEqual({ line: 1, column: 16 });
});
