// The tRPC transformer: superjson, with a shortcut for what most answers are. superjson walks
// every value of a response to find Dates, Maps, undefined and the like, keeping a path array per
// value: a list page of 25 rows is ~1,000 values, and that walk was ~9 % of the server's CPU under
// load (profiled). When a value holds nothing JSON would change (strings, finite numbers,
// booleans, null, arrays and plain objects only), superjson's own output is `{ json: value }`
// with no `meta`, and that is what this returns after one cheap check. Anything else (a Date, a
// Map, undefined, NaN, -0, a class instance, a cycle, a key superjson refuses) goes to superjson
// itself, so the wire format, and what the browser's superjson reads back, stay superjson's.
import superjson, { type SuperJSONResult } from "superjson";

/** Keys superjson refuses (prototype pollution): left to superjson, which throws on them. */
const REFUSED_KEYS = new Set(["__proto__", "constructor", "prototype"]);
/** Deeper than any answer of ours; also where a cycle ends up. */
const MAX_DEPTH = 64;

/** Whether JSON carries `value` exactly, with no superjson annotation needed. */
export function isPlainJson(value: unknown, depth = 0): boolean {
  if (value === null) return true;
  switch (typeof value) {
    case "string":
    case "boolean":
      return true;
    case "number":
      return Number.isFinite(value) && !Object.is(value, -0);
    case "object": {
      if (depth >= MAX_DEPTH) return false;
      if (Array.isArray(value)) {
        // `for` over the length: a hole reads as undefined and fails the check, as it should.
        for (let i = 0; i < value.length; i++) if (!isPlainJson(value[i], depth + 1)) return false;
        return true;
      }
      const proto: unknown = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) return false;
      for (const key of Object.keys(value)) {
        if (REFUSED_KEYS.has(key)) return false;
        if (!isPlainJson((value as Record<string, unknown>)[key], depth + 1)) return false;
      }
      return true;
    }
    default:
      return false;
  }
}

export const plainJsonTransformer = {
  serialize(value: unknown): SuperJSONResult {
    return isPlainJson(value) ? { json: value as SuperJSONResult["json"] } : superjson.serialize(value);
  },
  deserialize<T = unknown>(payload: SuperJSONResult): T {
    return superjson.deserialize<T>(payload);
  },
};
