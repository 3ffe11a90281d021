// Relink links: create, revoke, resend, bulk-create, and the ledger and batch views.
// Writers only for changes; everyone signed in may read their tenant's ledger.
import { z } from "zod";
import { getRelinkBatch, listRelinkBatches } from "../relink/batches";
import { bulkCreateRelinkLinks } from "../relink/bulk-relink";
import { createRelinkLink } from "../relink/create-link";
import { connectionRelinkLedger, listRelinkLedger } from "../relink/ledger";
import {
  ZBatchIdRequestSchema,
  ZBatchSummarySchema,
  ZBulkCreateRequestSchema,
  ZBulkCreateResponseSchema,
  ZConnectionLedgerRequestSchema,
  ZCreateLinkRequestSchema,
  ZIssuedLinkSchema,
  ZLedgerRequestSchema,
  ZLedgerResponseSchema,
  ZLedgerRowSchema,
  ZLinkIdRequestSchema,
  ZResendRequestSchema,
} from "../relink/relink.types";
import { resendRelinkLink, revokeRelinkLink } from "../relink/revoke-link";
import { createTRPCRouter, protectedProcedure, writerProcedure } from "../trpc";

export const relinkRouter = createTRPCRouter({
  create: writerProcedure
    .input(ZCreateLinkRequestSchema)
    .output(ZIssuedLinkSchema)
    .mutation(({ ctx, input }) => createRelinkLink(ctx.scope, input, ctx.origin)),
  revoke: writerProcedure
    .input(ZLinkIdRequestSchema)
    .output(z.object({ revoked: z.boolean() }))
    .mutation(({ ctx, input }) => revokeRelinkLink(ctx.scope, input.linkId)),
  resend: writerProcedure
    .input(ZResendRequestSchema)
    .output(ZIssuedLinkSchema)
    .mutation(({ ctx, input }) =>
      resendRelinkLink(ctx.scope, input.linkId, input.expiresInHours, ctx.origin, { sendEmail: input.sendEmail }),
    ),
  bulkCreate: writerProcedure
    .input(ZBulkCreateRequestSchema)
    .output(ZBulkCreateResponseSchema)
    .mutation(({ ctx, input }) => bulkCreateRelinkLinks(ctx.scope, input, ctx.origin)),
  forConnection: protectedProcedure
    .input(ZConnectionLedgerRequestSchema)
    .output(z.array(ZLedgerRowSchema))
    .query(({ ctx, input }) => connectionRelinkLedger(ctx.scope, input.connectionId)),
  ledger: protectedProcedure
    .input(ZLedgerRequestSchema)
    .output(ZLedgerResponseSchema)
    .query(({ ctx, input }) => listRelinkLedger(ctx.scope, input)),
  batches: protectedProcedure.output(z.array(ZBatchSummarySchema)).query(({ ctx }) => listRelinkBatches(ctx.scope)),
  batch: protectedProcedure
    .input(ZBatchIdRequestSchema)
    .output(ZBatchSummarySchema)
    .query(({ ctx, input }) => getRelinkBatch(ctx.scope, input.batchId)),
});
