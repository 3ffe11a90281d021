// A query string as the object an operation's query schema reads: list parameters from repeated
// keys or commas (`status=error&status=expired` or `status=error,expired`), every other parameter
// at most once, unknown names refused (a typo should not silently widen a list), and every value
// held to the one text rule (server/input/unsafe-text.ts).
import type { z } from "zod";
import { capitalise, textProblem } from "../input/unsafe-text";
import { RestProblem } from "./problem";

/** Whether a field of a query schema is a list, seen through optional/default/nullable wrappers. */
export function isListField(schema: z.core.$ZodType): boolean {
  const def = schema._zod.def;
  if (def.type === "array") return true;
  if (def instanceof Object && "innerType" in def && isZodType(def.innerType)) return isListField(def.innerType);
  return false;
}

const isZodType = (value: unknown): value is z.core.$ZodType =>
  typeof value === "object" && value !== null && "_zod" in value;

function refuse(field: string, message: string): never {
  throw new RestProblem("invalid-request", `Invalid input: ${field} — ${message}.`, { errors: [{ field, message }] });
}

export function queryObject(search: URLSearchParams, schema: z.ZodObject<z.ZodRawShape>): Record<string, unknown> {
  const shape = schema.shape;
  const names = Object.keys(shape);
  const out: Record<string, unknown> = {};
  for (const name of new Set(search.keys())) {
    const keyProblem = textProblem(name);
    if (keyProblem) refuse("query", `A parameter name ${keyProblem}`);
    // An own property only: `valueOf`, `constructor` or `__proto__` are not parameters.
    const field = Object.hasOwn(shape, name) ? shape[name] : undefined;
    if (field === undefined) {
      const known = names.length === 0 ? "this operation takes none" : `this operation takes ${names.join(", ")}`;
      refuse(name, `Unknown query parameter: ${known}`);
    }
    const values = search.getAll(name);
    for (const value of values) {
      const problem = textProblem(value);
      if (problem) refuse(name, capitalise(problem));
    }
    if (isListField(field)) {
      out[name] = values
        .flatMap((v) => v.split(","))
        .map((v) => v.trim())
        .filter((v) => v !== "");
    } else if (values.length > 1) {
      refuse(name, "Given more than once: give it once");
    } else {
      out[name] = values[0];
    }
  }
  return out;
}
