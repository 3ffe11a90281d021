// The connection detail page's sections beyond the connection itself (connections.byId): runs,
// errors and activity a page at a time, and the parameter diff between two runs. All read-only, all tenant-scoped.
import { z } from "zod";
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
import { pendingRunRequests } from "../run-requests/pending-run-requests";
import { ZPendingRunRequestsInputSchema, ZRunRequestSchema } from "../run-requests/run-requests.types";
import { createTRPCRouter, protectedProcedure } from "../trpc";

export const connectionDetailRouter = createTRPCRouter({
  runs: protectedProcedure
    .input(ZRunsRequestSchema)
    .output(ZRunsPageSchema)
    .query(({ ctx, input }) => listRuns(ctx.scope, input)),
  /** Re-runs requested over the REST API and not yet reported by the platform. */
  runRequests: protectedProcedure
    .input(ZPendingRunRequestsInputSchema)
    .output(z.array(ZRunRequestSchema))
    .query(({ ctx, input }) => pendingRunRequests(ctx.scope, input.connectionId)),
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
