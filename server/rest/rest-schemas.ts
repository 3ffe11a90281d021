// Building blocks of the REST schemas: query-string booleans and numbers, and the list envelope
// every collection answers with.
import { z } from "zod";

/** `true` or `false` in a query string. */
export const queryBoolean = z.enum(["true", "false"]).transform((v) => v === "true");

/** A whole number in a query string, then held to `rule` (the domain's own bounds). */
export const queryInteger = (rule: z.ZodNumber) =>
  z
    .string()
    .regex(/^\d{1,9}$/, "Expected a whole number")
    .transform(Number)
    .pipe(rule);

/** `{data: [...], next_cursor}`: pass next_cursor back as `cursor` for the next page; null on the last. */
export function pageOf<T extends z.ZodType>(item: T, id: string) {
  return z
    .object({
      data: z.array(item),
      next_cursor: z
        .string()
        .nullable()
        .meta({ description: "Give it as `cursor` for the next page; null on the last" }),
    })
    .meta({ id });
}

export const ZCursorParam = z
  .string()
  .max(2000)
  .optional()
  .meta({ description: "The `next_cursor` of the previous page" });
