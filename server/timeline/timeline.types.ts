// One timeline per connection: what happened to it, from every table that records something,
// newest first.
import { z } from "zod";

import { TIMELINE_KINDS, type TimelineKind } from "../../lib/timeline-kinds";

export { TIMELINE_KINDS, type TimelineKind };

export const ZTimelineRequestSchema = z.object({
  connectionId: z.string().min(1).max(200),
  kinds: z.array(z.enum(TIMELINE_KINDS)).max(TIMELINE_KINDS.length).optional(),
  /** from the previous page's nextCursor */
  cursor: z.string().max(400).nullish(),
  limit: z.number().int().min(1).max(100).default(25),
});
export type TimelineRequest = z.input<typeof ZTimelineRequestSchema>;

export const ZTimelineEntrySchema = z.object({
  id: z.string(),
  kind: z.enum(TIMELINE_KINDS),
  at: z.string(),
  title: z.string(),
  detail: z.string().nullable(),
  /** who did it, when a person or key did */
  actor: z.string().nullable(),
  /** the detail page tab (or other page) where the entry's object is shown */
  href: z.string().nullable(),
});
export type TimelineEntry = z.infer<typeof ZTimelineEntrySchema>;

export const ZTimelineResponseSchema = z.object({
  entries: z.array(ZTimelineEntrySchema),
  nextCursor: z.string().nullable(),
});
export type TimelineResponse = z.infer<typeof ZTimelineResponseSchema>;
