// GET /events: the same events the webhooks send, for platforms that prefer to pull. Paged by
// sequence, which is assigned in commit order, so reading `after` the last cursor never skips an
// event committed late. next_cursor is where to read from next, also when this page was the
// last one for now (poll again with it).
import { z } from "zod";
import { BadRequestError } from "../errors";
import type { TenantScope } from "../scope/tenant-scope";
import { EVENT_TYPES } from "./event-types";

export const ZEventSchema = z.object({
  id: z.string(),
  type: z.enum(EVENT_TYPES),
  occurred_at: z.string(),
  sequence: z.number(),
  tenant: z.object({ id: z.string(), slug: z.string().optional(), name: z.string().optional() }),
  data: z.record(z.string(), z.unknown()),
});
export type PublicEvent = z.infer<typeof ZEventSchema>;

export const ZListEventsRequestSchema = z.object({
  after: z.string().max(40).nullish(),
  limit: z.number().int().min(1).max(500).default(100),
});

export const ZEventListSchema = z.object({
  data: z.array(ZEventSchema),
  next_cursor: z.string(),
  has_more: z.boolean(),
});
export type EventList = z.infer<typeof ZEventListSchema>;

function parseAfter(after: string | number | null | undefined): number {
  if (after === null || after === undefined || after === "") return 0;
  const value = typeof after === "number" ? after : /^\d{1,15}$/.test(after) ? Number(after) : NaN;
  if (!Number.isSafeInteger(value) || value < 0)
    throw new BadRequestError("after: not a cursor from this API (a next_cursor value, or 0 for the start).");
  return value;
}

export async function listEvents(
  scope: TenantScope,
  input: { after?: string | number | null; limit?: number },
): Promise<EventList> {
  const after = parseAfter(input.after);
  const limit = input.limit ?? 100;
  const rows = await scope
    .events()
    .select(["events.sequence", "events.body"])
    .where("events.sequence", ">", after)
    .orderBy("events.sequence")
    .limit(limit + 1)
    .execute();
  const page = rows.slice(0, limit);
  const data = page.map((row) => ZEventSchema.parse({ ...JSON.parse(row.body), sequence: row.sequence }));
  const last = data.at(-1);
  return { data, next_cursor: String(last ? last.sequence : after), has_more: rows.length > limit };
}
