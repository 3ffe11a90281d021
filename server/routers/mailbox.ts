// The local mailbox page's data: support staff only (it holds every tenant's customers' mail).
import { ZMailboxPageSchema, ZMailboxRequestSchema, listMailbox } from "../email/list-mailbox";
import { createTRPCRouter, staffProcedure } from "../trpc";

export const mailboxRouter = createTRPCRouter({
  list: staffProcedure
    .input(ZMailboxRequestSchema)
    .output(ZMailboxPageSchema)
    .query(({ ctx, input }) => listMailbox(ctx.scope, input)),
});
