import { listConnections } from "../connections/list/list-connections";
import { connectionFacets } from "../connections/list/facets";
import { ZFacetsResponseSchema } from "../connections/list/facets.types";
import { ZConnectionFiltersSchema } from "../connections/list/filters.types";
import { ZListConnectionsRequestSchema, ZListConnectionsResponseSchema } from "../connections/list/list.types";
import { getConnection } from "../connections/detail/get-connection";
import { ZConnectionByIdRequestSchema, ZConnectionDetailSchema } from "../connections/detail/detail.types";
import { createTRPCRouter, protectedProcedure } from "../trpc";

export const connectionsRouter = createTRPCRouter({
  list: protectedProcedure
    .input(ZListConnectionsRequestSchema)
    .output(ZListConnectionsResponseSchema)
    .query(({ ctx, input }) => listConnections(ctx.scope, input)),
  facets: protectedProcedure
    .input(ZConnectionFiltersSchema)
    .output(ZFacetsResponseSchema)
    .query(({ ctx, input }) => connectionFacets(ctx.scope, input)),
  byId: protectedProcedure
    .input(ZConnectionByIdRequestSchema)
    .output(ZConnectionDetailSchema)
    .query(({ ctx, input }) => getConnection(ctx.scope, input.id)),
});
