// The console's home page: health at a glance for the signed-in user's scope.
import { homeSummary } from "../home/home-summary";
import { ZHomeRequestSchema, ZHomeSummarySchema } from "../home/home.types";
import { createTRPCRouter, tenantProcedure } from "../trpc";

export const homeRouter = createTRPCRouter({
  summary: tenantProcedure
    .input(ZHomeRequestSchema)
    .output(ZHomeSummarySchema)
    .query(({ ctx, input }) => homeSummary(ctx.scope, input)),
});
