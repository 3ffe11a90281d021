// Free-form labels on connections: typed as people like (kept), matched case-insensitively.
import { z } from "zod";
import { ZBulkTargetSchema } from "../actions/bulk-pause.types";

export const TAG_MAX_CHARS = 40;
export const TAGS_PER_CONNECTION = 20;

/** One tag: trimmed, inner spaces collapsed, no control characters or commas (the URL's separator). */
export const ZTagSchema = z
  .string()
  .transform((s) => s.trim().replace(/\s+/g, " "))
  .pipe(
    z
      .string()
      .min(1, "A tag cannot be empty.")
      .max(TAG_MAX_CHARS, `A tag has at most ${TAG_MAX_CHARS} characters.`)
      .regex(/^[^\p{Cc},]+$/u, "A tag cannot hold commas or control characters."),
  );

export const tagKey = (tag: string) => tag.toLowerCase();

export const ZSetTagsRequestSchema = z.object({
  connectionId: z.string().min(1).max(200),
  tags: z.array(ZTagSchema).max(TAGS_PER_CONNECTION),
});
export const ZConnectionTagsRequestSchema = z.object({ connectionId: z.string().min(1).max(200) });
export const ZTagsResponseSchema = z.object({ tags: z.array(z.string()) });

export const ZBulkTagRequestSchema = z.object({
  action: z.enum(["add", "remove"]),
  tags: z.array(ZTagSchema).min(1).max(10),
  target: ZBulkTargetSchema,
  cursor: z.string().max(200).nullish(),
  batchSize: z.number().int().min(1).max(500).default(200),
});
export type BulkTagRequest = z.output<typeof ZBulkTagRequestSchema>;
export const ZBulkTagResponseSchema = z.object({
  /** rows this run covers; counted on the first step only */
  total: z.number().nullable(),
  processed: z.number(),
  changed: z.number(),
  nextCursor: z.string().nullable(),
  done: z.boolean(),
});
export type BulkTagResponse = z.infer<typeof ZBulkTagResponseSchema>;

export const ZTagListResponseSchema = z.array(z.object({ tag: z.string(), n: z.number() }));
