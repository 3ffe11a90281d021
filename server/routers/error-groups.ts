// Error groups: active errors grouped across connections, and one-step actions on a group.
import {
  ZErrorGroupDetailSchema,
  ZErrorGroupRequestSchema,
  ZGroupStepResponseSchema,
  ZListErrorGroupsRequestSchema,
  ZListErrorGroupsResponseSchema,
  ZRelinkGroupStepRequestSchema,
  ZRelinkGroupStepResponseSchema,
  ZResolveGroupStepRequestSchema,
} from "../error-groups/error-groups.types";
import { getErrorGroup } from "../error-groups/get-error-group";
import { relinkGroupStep, resolveGroupStep } from "../error-groups/group-steps";
import { listErrorGroups } from "../error-groups/list-error-groups";
import { createTRPCRouter, tenantProcedure, writerProcedure } from "../trpc";

export const errorGroupsRouter = createTRPCRouter({
  list: tenantProcedure
    .input(ZListErrorGroupsRequestSchema)
    .output(ZListErrorGroupsResponseSchema)
    .query(({ ctx, input }) => listErrorGroups(ctx.scope, input)),
  get: tenantProcedure
    .input(ZErrorGroupRequestSchema)
    .output(ZErrorGroupDetailSchema)
    .query(({ ctx, input }) => getErrorGroup(ctx.scope, input.id)),
  resolveStep: writerProcedure
    .input(ZResolveGroupStepRequestSchema)
    .output(ZGroupStepResponseSchema)
    .mutation(({ ctx, input }) => resolveGroupStep(ctx.scope, input)),
  relinkStep: writerProcedure
    .input(ZRelinkGroupStepRequestSchema)
    .output(ZRelinkGroupStepResponseSchema)
    .mutation(({ ctx, input }) => relinkGroupStep(ctx.scope, input, ctx.origin)),
});
