// The connection detail page's sections beyond the connection itself (connections.byId): runs,
// errors and activity a page at a time, and the parameter diff between two runs. All read-only, all tenant-scoped.
import { listActivity } from "../connections/detail/activity";
import {
  ZActivityPageSchema,
  ZActivityRequestSchema,
  ZErrorsPageSchema,
  ZErrorsRequestSchema,
  ZRunDiffRequestSchema,
  ZRunDiffSchema,
  ZRunsPageSchema,
  ZRunsRequestSchema,
} from "../connections/detail/detail.types";
import { listErrors } from "../connections/detail/errors";
import { diffRuns } from "../connections/detail/run-diff";
import { listRuns } from "../connections/detail/runs";
import { createTRPCRouter, protectedProcedure } from "../trpc";

export const connectionDetailRouter = createTRPCRouter({
  runs: protectedProcedure
    .input(ZRunsRequestSchema)
    .output(ZRunsPageSchema)
    .query(({ ctx, input }) => listRuns(ctx.scope, input)),
  errors: protectedProcedure
    .input(ZErrorsRequestSchema)
    .output(ZErrorsPageSchema)
    .query(({ ctx, input }) => listErrors(ctx.scope, input)),
  activity: protectedProcedure
    .input(ZActivityRequestSchema)
    .output(ZActivityPageSchema)
    .query(({ ctx, input }) => listActivity(ctx.scope, input)),
  runDiff: protectedProcedure
    .input(ZRunDiffRequestSchema)
    .output(ZRunDiffSchema)
    .query(({ ctx, input }) => diffRuns(ctx.scope, input)),
});
