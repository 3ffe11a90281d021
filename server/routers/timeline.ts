// One timeline per connection (the detail page's Timeline tab).
import { listTimeline } from "../timeline/list-timeline";
import { ZTimelineRequestSchema, ZTimelineResponseSchema } from "../timeline/timeline.types";
import { createTRPCRouter, tenantProcedure } from "../trpc";

export const timelineRouter = createTRPCRouter({
  list: tenantProcedure
    .input(ZTimelineRequestSchema)
    .output(ZTimelineResponseSchema)
    .query(({ ctx, input }) => listTimeline(ctx.scope, input)),
});
