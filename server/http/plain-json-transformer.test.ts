import fc from "fast-check";
import superjson from "superjson";
import { describe, expect, it } from "vitest";
import { isPlainJson, plainJsonTransformer } from "./plain-json-transformer";

/** What the browser ends up with (its superjson reading the bytes), or the error serialising threw. */
function received(serialize: (value: unknown) => unknown, value: unknown): unknown {
  try {
    return { value: superjson.deserialize(JSON.parse(JSON.stringify(serialize(value))) as never) };
  } catch (error) {
    return { error: (error as Error).message };
  }
}
const roundTrip = (value: unknown) => received((v) => plainJsonTransformer.serialize(v), value);
const viaSuperjson = (value: unknown) => received((v) => superjson.serialize(v), value);

/** JSON values, plus what only superjson carries, anywhere in the tree. */
const special = fc.oneof(
  fc.date({ noInvalidDate: true }),
  fc.constant(undefined),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0),
  fc.bigInt(),
  fc.constant(new Map([["a", 1]])),
  fc.constant(new Set([1, 2])),
  fc.constant(/re/g),
);
const { tree } = fc.letrec((tie) => ({
  tree: fc.oneof({ depthSize: "small" }, fc.jsonValue({ maxDepth: 2 }), special, tie("array"), tie("object")),
  array: fc.array(tie("tree"), { maxLength: 4 }),
  object: fc.dictionary(fc.string({ maxLength: 6 }), tie("tree"), { maxKeys: 4 }),
}));

describe("plainJsonTransformer", () => {
  it("reads back exactly what superjson reads back (or throws what it throws), for any value", () => {
    fc.assert(
      fc.property(tree, (value) => {
        expect(roundTrip(value)).toStrictEqual(viaSuperjson(value));
      }),
      { numRuns: 2000 },
    );
  });

  it("writes superjson's own bytes for plain JSON, without walking it through superjson", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const bytes = (serialize: (v: unknown) => unknown) => {
          try {
            return JSON.stringify(serialize(value));
          } catch (error) {
            return `threw ${(error as Error).message}`;
          }
        };
        expect(bytes((v) => plainJsonTransformer.serialize(v))).toBe(bytes((v) => superjson.serialize(v)));
      }),
      { numRuns: 2000 },
    );
  });

  it("hands superjson every value JSON would change", () => {
    const row = { id: "con_1", n: 1, ok: true, none: null, tags: ["a"] };
    expect(isPlainJson(row)).toBe(true);
    for (const odd of [
      { ...row, at: new Date(0) },
      { ...row, missing: undefined },
      { ...row, n: Number.NaN },
      { ...row, n: -0 },
      // eslint-disable-next-line no-sparse-arrays -- a hole is what this checks
      { ...row, tags: [1, , 3] },
      { ...row, big: 1n },
      { ...row, nested: { deeper: new Map() } },
      Object.assign(Object.create({ inherited: 1 }) as object, row),
      new (class Row {
        id = "x";
      })(),
    ])
      expect(isPlainJson(odd), JSON.stringify(Object.keys(odd))).toBe(false);
    const meta = plainJsonTransformer.serialize({ ...row, at: new Date(0) }).meta;
    expect(meta?.values).toEqual({ at: ["Date"] });
  });

  it("ends on a cycle and leaves it to superjson", () => {
    const a: Record<string, unknown> = { id: "a" };
    a.self = a;
    expect(isPlainJson(a)).toBe(false);
    expect(() => plainJsonTransformer.serialize(a)).not.toThrow();
  });

  it("leaves keys superjson refuses to superjson, which refuses them", () => {
    const hostile = JSON.parse('{"__proto__": {"polluted": true}}') as unknown;
    expect(isPlainJson(hostile)).toBe(false);
    expect(() => plainJsonTransformer.serialize(hostile)).toThrow(superjsonError(hostile));
  });
});

function superjsonError(value: unknown): string {
  try {
    superjson.serialize(value);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error("superjson accepted it");
}
