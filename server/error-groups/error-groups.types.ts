// Error groups: active errors across connections with one provider, status code and message
// shape (lib/error-message-shape.ts), read from the trigger-maintained summaries.
import { z } from "zod";

export const ERROR_GROUP_TREND_DAYS = 14;
export const ERROR_GROUP_SORTS = ["errors", "connections", "lastSeen", "firstSeen"] as const;

const groupId = z
  .string()
  .trim()
  .regex(/^eg_[0-9a-f]{16}$/, "Not an error group id.");
export const ZErrorGroupIdSchema = groupId;

export const ZErrorGroupRowSchema = z.object({
  id: z.string(),
  provider: z.string(),
  providerLabel: z.string(),
  statusCode: z.string().nullable(),
  shape: z.string(),
  /** active errors in the group */
  errors: z.number(),
  /** connections with at least one of them */
  connections: z.number(),
  tenants: z.number(),
  firstSeen: z.string(),
  lastSeen: z.string(),
  /** new errors per UTC day, oldest first, the last ERROR_GROUP_TREND_DAYS days */
  trend: z.array(z.number()),
});
export type ErrorGroupRow = z.infer<typeof ZErrorGroupRowSchema>;

export const ZListErrorGroupsRequestSchema = z
  .object({
    q: z.string().trim().max(200).optional(),
    provider: z.array(z.string().trim().min(1).max(100)).max(50).optional(),
    statusCode: z.array(z.string().trim().min(1).max(20)).max(50).optional(),
    sort: z.enum(ERROR_GROUP_SORTS).default("errors"),
    limit: z.number().int().min(1).max(500).default(50),
  })
  .default({ sort: "errors", limit: 50 });
export type ListErrorGroupsRequest = z.input<typeof ZListErrorGroupsRequestSchema>;

export const ZListErrorGroupsResponseSchema = z.object({
  rows: z.array(ZErrorGroupRowSchema),
  /** groups matching, before the limit */
  total: z.number(),
  /** every provider and status code with an active group, for the filters */
  providers: z.array(z.object({ value: z.string(), label: z.string() })),
  statusCodes: z.array(z.string()),
});
export type ListErrorGroupsResponse = z.infer<typeof ZListErrorGroupsResponseSchema>;

export const ZErrorGroupRequestSchema = z.object({ id: groupId });

export const ZErrorGroupDetailSchema = z.object({
  group: ZErrorGroupRowSchema,
  /** connections with an active error in the group that need relink */
  needsRelink: z.number(),
  /** a few of the group's actual messages, newest first */
  samples: z.array(z.object({ message: z.string().nullable(), erroredAt: z.string(), connectionId: z.string() })),
});
export type ErrorGroupDetail = z.infer<typeof ZErrorGroupDetailSchema>;

/** One step of "resolve all": each step resolves up to `batchSize` errors in one transaction. */
export const ZResolveGroupStepRequestSchema = z.object({
  id: groupId,
  note: z.string().trim().min(1, "Add a note saying how the errors were resolved.").max(1000),
  batchSize: z.number().int().min(1).max(500).default(200),
});
export const ZGroupStepResponseSchema = z.object({
  /** rows this step changed (errors resolved, or links created) */
  changed: z.number(),
  /** rows this step looked at */
  processed: z.number(),
  /** what remains for the next step (active errors, or connections needing a link) */
  remaining: z.number(),
  done: z.boolean(),
  /** relink: connections skipped and why */
  skipped: z.array(z.object({ connectionId: z.string(), reason: z.string() })),
  batchId: z.string().nullable(),
});
export type GroupStepResponse = z.infer<typeof ZGroupStepResponseSchema>;

export const ZRelinkGroupStepRequestSchema = z.object({
  id: groupId,
  /** connection ids already handled by earlier steps of this run (skipped ones are not retried) */
  after: z.string().max(200).nullish(),
  recipientEmail: z.email().max(320).nullish(),
  batchSize: z.number().int().min(1).max(500).default(200),
});
export const ZRelinkGroupStepResponseSchema = ZGroupStepResponseSchema.extend({
  /** the last connection id this step handled: pass it as `after` to the next step */
  last: z.string().nullable(),
});
