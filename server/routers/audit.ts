// The audit log, read-only and tenant-scoped (tenant users see their tenant's events only).
import { auditFacets } from "../audit/audit-facets";
import { listAuditEvents } from "../audit/list-audit-events";
import { ZAuditFacetsResponseSchema, ZListAuditRequestSchema, ZListAuditResponseSchema } from "../audit/list.types";
import { createTRPCRouter, protectedProcedure } from "../trpc";

export const auditRouter = createTRPCRouter({
  list: protectedProcedure
    .input(ZListAuditRequestSchema)
    .output(ZListAuditResponseSchema)
    .query(({ ctx, input }) => listAuditEvents(ctx.scope, input)),
  facets: protectedProcedure.output(ZAuditFacetsResponseSchema).query(({ ctx }) => auditFacets(ctx.scope)),
});
