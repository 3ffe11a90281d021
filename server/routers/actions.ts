// State-changing actions on connections: pause/resume (single and bulk) and error resolution.
// Viewers are refused by writerProcedure; tenant scoping happens inside each action's query.
import { ZBulkSetPausedRequestSchema, ZBulkSetPausedResponseSchema } from "../actions/bulk-pause.types";
import { bulkSetPaused } from "../actions/bulk-set-paused";
import {
  ZPauseConnectionRequestSchema,
  ZResumeConnectionRequestSchema,
  ZSetPausedResponseSchema,
} from "../actions/pause.types";
import { resolveErrors } from "../actions/resolve-errors";
import { ZResolveErrorsRequestSchema, ZResolveErrorsResponseSchema } from "../actions/resolve-errors.types";
import { setConnectionPaused } from "../actions/set-paused";
import { createTRPCRouter, writerProcedure } from "../trpc";

export const actionsRouter = createTRPCRouter({
  pauseConnection: writerProcedure
    .input(ZPauseConnectionRequestSchema)
    .output(ZSetPausedResponseSchema)
    .mutation(({ ctx, input }) =>
      setConnectionPaused(ctx.scope, {
        id: input.id,
        expectedVersion: input.expectedVersion,
        paused: true,
        reason: input.reason,
      }),
    ),
  resumeConnection: writerProcedure
    .input(ZResumeConnectionRequestSchema)
    .output(ZSetPausedResponseSchema)
    .mutation(({ ctx, input }) =>
      setConnectionPaused(ctx.scope, {
        id: input.id,
        expectedVersion: input.expectedVersion,
        paused: false,
        reason: input.reason || null,
      }),
    ),
  bulkSetPaused: writerProcedure
    .input(ZBulkSetPausedRequestSchema)
    .output(ZBulkSetPausedResponseSchema)
    .mutation(({ ctx, input }) => bulkSetPaused(ctx.scope, input)),
  resolveErrors: writerProcedure
    .input(ZResolveErrorsRequestSchema)
    .output(ZResolveErrorsResponseSchema)
    .mutation(({ ctx, input }) => resolveErrors(ctx.scope, input)),
});
