import { z } from "zod";
import { ZConnectionFiltersSchema } from "../connections/list/filters.types";

export const BULK_BATCH_SIZE = 100;

/** Which rows a bulk action covers: the ones the user ticked, or every row the filter matches. */
export const ZBulkTargetSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("ids"), ids: z.array(z.string().min(1).max(200)).min(1).max(5000) }),
  z.object({ kind: z.literal("filter"), filters: ZConnectionFiltersSchema }),
]);
export type BulkTarget = z.input<typeof ZBulkTargetSchema>;

/**
 * One step of a bulk pause/resume. The client calls again with `cursor: nextCursor` until
 * `done`, showing progress between calls; each step is its own transaction, so a long run
 * never holds a lock for long and what is done stays done if the browser goes away.
 */
export const ZBulkSetPausedRequestSchema = z
  .object({
    action: z.enum(["pause", "resume"]),
    reason: z.string().trim().max(500).optional(),
    target: ZBulkTargetSchema,
    /** null/absent on the first step */
    cursor: z.string().max(200).nullish(),
    /** ties the steps of one run together in the audit log; the first step makes one */
    jobId: z.string().max(100).nullish(),
    batchSize: z.number().int().min(1).max(500).default(BULK_BATCH_SIZE),
  })
  .refine((v) => v.action === "resume" || (v.reason ?? "").length > 0, {
    message: "Say why the connections are paused.",
    path: ["reason"],
  });
export type BulkSetPausedRequest = z.input<typeof ZBulkSetPausedRequestSchema>;
export type BulkSetPausedQuery = z.output<typeof ZBulkSetPausedRequestSchema>;

export const ZBulkSetPausedResponseSchema = z.object({
  jobId: z.string(),
  /** rows this run covers; counted on the first step only (null afterwards) */
  total: z.number().nullable(),
  /** rows looked at in this step */
  processed: z.number(),
  /** rows changed in this step */
  changed: z.number(),
  /** rows already in the asked-for state in this step */
  skipped: z.number(),
  /** ticked ids that do not exist or belong to another tenant, in this step */
  notFound: z.number(),
  nextCursor: z.string().nullable(),
  done: z.boolean(),
});
export type BulkSetPausedResponse = z.infer<typeof ZBulkSetPausedResponseSchema>;
