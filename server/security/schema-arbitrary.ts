// fast-check arbitraries for hostile input, built from a procedure's input schema as JSON Schema
// (z.toJSONSchema): values that follow the schema, with known ids mixed into its strings so calls
// reach the database; the same values with one part replaced by something hostile; and values
// that ignore the schema. "Hostile" covers what a client can put on the wire through superjson
// (Dates, BigInts, Maps, Sets, NaN, undefined) as well as JSON.
import fc from "fast-check";
import type { z } from "zod";

export type JsonSchema = z.core.JSONSchema._JSONSchema;

/** Text that has broken parsers, SQL, dates and cursors somewhere. */
export const NASTY_STRINGS = [
  "",
  " ",
  "\u0000",
  "a\u0000b",
  "\ud800",
  "x\udfff",
  "'; drop table connections; --",
  '" or 1=1 --',
  "%",
  "_",
  "\\",
  "%_\\%",
  "𝕏𝕐",
  "\u202eevil",
  "<script>alert(1)</script>",
  "../../etc/passwd",
  "9999-12-31",
  "0000-01-01",
  "+275760-09-13T00:00:00.000Z",
  "-000001-01-01T00:00:00Z",
  "2026-02-30",
  "2026-11-21T25:61:61Z",
  "1e309",
  "NaN",
  "-0",
  "0x10",
  "null",
  "undefined",
  "__proto__",
  "constructor",
  "eyJ2IjoxfQ",
  "eyJ2IjpudWxsLCJpZCI6bnVsbH0",
  "!!!",
  "a".repeat(201),
  "b".repeat(5000),
];

const cursorLike = fc
  .jsonValue({ maxDepth: 2 })
  .map((v) => Buffer.from(JSON.stringify(v) ?? "null").toString("base64url"));

/** Values only superjson can carry, and JSON's own odd corners. */
const exotic: fc.Arbitrary<unknown> = fc.constantFrom<unknown>(
  undefined,
  null,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  -0,
  2 ** 53,
  -(2 ** 53),
  1e308,
  0.5,
  -1,
  BigInt(2) ** BigInt(70),
  new Date(Number.NaN),
  new Date(8.64e15),
  new Map([["a", 1]]),
  new Set(["x"]),
  [],
  {},
  { __proto__: { polluted: true } },
);

export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  { weight: 2, arbitrary: exotic },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: cursorLike },
);

function stringFor(schema: Exclude<JsonSchema, boolean>, hints: readonly string[]): fc.Arbitrary<string> {
  const minLength = schema.minLength ?? 0;
  const maxLength = Math.min(schema.maxLength ?? 60, 300);
  const options: fc.Arbitrary<string>[] = [fc.string({ minLength, maxLength: Math.max(minLength, maxLength) })];
  if (schema.format === "email") options.push(fc.emailAddress());
  if (schema.format === "date" || schema.format === "date-time")
    options.push(fc.date({ noInvalidDate: true }).map((d) => d.toISOString()));
  if (hints.length) options.push(fc.constantFrom(...hints));
  options.push(fc.constantFrom(...NASTY_STRINGS), cursorLike);
  return fc.oneof(...options);
}

function numberFor(schema: Exclude<JsonSchema, boolean>, integer: boolean): fc.Arbitrary<number> {
  const min = typeof schema.minimum === "number" ? schema.minimum : -1e6;
  const max = typeof schema.maximum === "number" ? schema.maximum : 1e6;
  const inRange = integer
    ? fc.integer({ min: Math.max(min, Number.MIN_SAFE_INTEGER), max: Math.min(max, Number.MAX_SAFE_INTEGER) })
    : fc.double({ min, max, noNaN: true });
  return fc.oneof({ weight: 4, arbitrary: inRange }, { weight: 1, arbitrary: fc.constantFrom(min - 1, max + 1) });
}

/** Values shaped by `schema` (mostly valid, sometimes just outside its bounds). */
export function arbitraryFor(schema: JsonSchema, hints: readonly string[], depth = 0): fc.Arbitrary<unknown> {
  if (typeof schema === "boolean" || depth > 6) return fc.jsonValue({ maxDepth: 2 });
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const branches = schema.anyOf ?? schema.oneOf;
  if (branches?.length) return fc.oneof(...branches.map((b) => arbitraryFor(b, hints, depth + 1)));
  if (schema.allOf?.[0]) return arbitraryFor(schema.allOf[0], hints, depth + 1);
  const types = schema.type === undefined ? [] : [schema.type].flat();
  if (types.length > 1) return fc.oneof(...types.map((type) => arbitraryFor({ ...schema, type }, hints, depth)));
  switch (types[0]) {
    case "string":
      return stringFor(schema, hints);
    case "integer":
      return numberFor(schema, true);
    case "number":
      return numberFor(schema, false);
    case "boolean":
      return fc.boolean();
    case "null":
      return fc.constant(null);
    case "array": {
      const item = Array.isArray(schema.items) ? schema.items[0] : schema.items;
      const minLength = schema.minItems ?? 0;
      return fc.array(arbitraryFor(item ?? true, hints, depth + 1), {
        minLength,
        maxLength: Math.max(minLength, Math.min(schema.maxItems ?? 5, 5)),
      });
    }
    case "object": {
      const properties = Object.entries(schema.properties ?? {});
      if (properties.length === 0) return fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 1 }));
      const record = Object.fromEntries(properties.map(([key, sub]) => [key, arbitraryFor(sub, hints, depth + 1)]));
      return fc.record(record, { requiredKeys: (schema.required ?? []).filter((k) => k in record) });
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** `value` with the part at one random path replaced by a hostile value (or removed). */
export function mutate(value: unknown, pick: number, replacement: unknown, remove: boolean): unknown {
  const paths: (string | number)[][] = [[]];
  const walk = (v: unknown, at: (string | number)[]) => {
    const children: [string | number, unknown][] = Array.isArray(v)
      ? v.map((item, i): [number, unknown] => [i, item])
      : v && typeof v === "object" && !(v instanceof Date)
        ? Object.entries(v)
        : [];
    for (const [part, item] of children) {
      paths.push([...at, part]);
      walk(item, [...at, part]);
    }
  };
  walk(value, []);
  const path = paths[pick % paths.length] ?? [];
  if (path.length === 0) return replacement;
  const copy: unknown = structuredClone(value);
  let parent: unknown = copy;
  for (const part of path.slice(0, -1)) parent = Reflect.get(parent as object, part);
  const last = path[path.length - 1] ?? "";
  if (remove && !Array.isArray(parent)) Reflect.deleteProperty(parent as object, last);
  else Reflect.set(parent as object, last, replacement);
  return copy;
}

/** Inputs for one procedure: schema-shaped, schema-shaped with one hostile part, or anything. */
export function hostileInputs(schema: JsonSchema | null, hints: readonly string[]): fc.Arbitrary<unknown> {
  const shaped = schema ? arbitraryFor(schema, hints) : fc.constant(undefined);
  const mutated = fc
    .tuple(shaped, fc.nat(), hostileValue, fc.boolean())
    .map(([value, pick, replacement, remove]) => mutate(value, pick, replacement, remove));
  // Keys that name Object.prototype's members trip code that looks names up in a plain object.
  const key = fc.oneof(
    { weight: 3, arbitrary: fc.string({ maxLength: 12 }) },
    { weight: 1, arbitrary: fc.constantFrom("constructor", "__proto__", "valueOf", "toString", "hasOwnProperty") },
  );
  const extraKey = fc
    .tuple(shaped, key, hostileValue)
    .map(([value, key, extra]) => (value && typeof value === "object" ? { ...value, [key]: extra } : value));
  return fc.oneof(
    { weight: 4, arbitrary: shaped },
    { weight: 4, arbitrary: mutated },
    { weight: 1, arbitrary: extraKey },
    { weight: 1, arbitrary: hostileValue },
  );
}
