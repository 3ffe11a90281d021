// The connection detail page's sections: the connection itself, then runs, errors and activity
// a page at a time, and the parameter diff between two runs. All read-only, all tenant-scoped.
import { listActivity } from "../connections/activity";
import {
  ZActivityPageSchema, ZActivityRequestSchema, ZConnectionByIdRequestSchema, ZConnectionDetailSchema, ZErrorsPageSchema,
  ZErrorsRequestSchema, ZRunDiffRequestSchema, ZRunDiffSchema, ZRunsPageSchema, ZRunsRequestSchema,
} from "../connections/detail.types";
import { listErrors } from "../connections/errors";
import { getConnection } from "../connections/get-connection";
import { diffRuns } from "../connections/run-diff";
import { listRuns } from "../connections/runs";
import { createTRPCRouter, protectedProcedure } from "../trpc";

export const connectionDetailRouter = createTRPCRouter({
  connection: protectedProcedure
    .input(ZConnectionByIdRequestSchema)
    .output(ZConnectionDetailSchema)
    .query(({ ctx, input }) => getConnection(ctx.db, ctx.user, input.id)),
  runs: protectedProcedure
    .input(ZRunsRequestSchema)
    .output(ZRunsPageSchema)
    .query(({ ctx, input }) => listRuns(ctx.db, ctx.user, input)),
  errors: protectedProcedure
    .input(ZErrorsRequestSchema)
    .output(ZErrorsPageSchema)
    .query(({ ctx, input }) => listErrors(ctx.db, ctx.user, input)),
  activity: protectedProcedure
    .input(ZActivityRequestSchema)
    .output(ZActivityPageSchema)
    .query(({ ctx, input }) => listActivity(ctx.db, ctx.user, input)),
  runDiff: protectedProcedure
    .input(ZRunDiffRequestSchema)
    .output(ZRunDiffSchema)
    .query(({ ctx, input }) => diffRuns(ctx.db, ctx.user, input)),
});
