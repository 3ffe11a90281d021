// Tags on connections: read them, set one connection's, add or remove in bulk.
import { bulkTag } from "../tags/bulk-tag";
import { connectionTags, listTags, setConnectionTags } from "../tags/connection-tags";
import {
  ZBulkTagRequestSchema,
  ZBulkTagResponseSchema,
  ZConnectionTagsRequestSchema,
  ZSetTagsRequestSchema,
  ZTagListResponseSchema,
  ZTagsResponseSchema,
} from "../tags/tags.types";
import { createTRPCRouter, tenantProcedure, writerProcedure } from "../trpc";
import { z } from "zod";

export const tagsRouter = createTRPCRouter({
  list: tenantProcedure
    .input(z.object({}).optional())
    .output(ZTagListResponseSchema)
    .query(({ ctx }) => listTags(ctx.scope)),
  forConnection: tenantProcedure
    .input(ZConnectionTagsRequestSchema)
    .output(ZTagsResponseSchema)
    .query(({ ctx, input }) => connectionTags(ctx.scope, input.connectionId)),
  set: writerProcedure
    .input(ZSetTagsRequestSchema)
    .output(ZTagsResponseSchema)
    .mutation(({ ctx, input }) => setConnectionTags(ctx.scope, input)),
  bulk: writerProcedure
    .input(ZBulkTagRequestSchema)
    .output(ZBulkTagResponseSchema)
    .mutation(({ ctx, input }) => bulkTag(ctx.scope, input)),
});
