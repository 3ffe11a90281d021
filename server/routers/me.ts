import { z } from "zod";
import { ROLES } from "../../db/types";
import { createTRPCRouter, protectedProcedure } from "../trpc";

export const meRouter = createTRPCRouter({
  get: protectedProcedure
    .output(
      z.object({
        id: z.string(),
        email: z.string(),
        name: z.string(),
        role: z.enum(ROLES),
        tenantId: z.string().nullable(),
        tenantName: z.string().nullable(),
      }),
    )
    .query(({ ctx }) => ctx.user),
});
