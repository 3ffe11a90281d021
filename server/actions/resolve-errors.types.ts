import { z } from "zod";

export const ZResolveErrorsRequestSchema = z.object({
  errorIds: z.array(z.string().min(1).max(200)).min(1).max(500),
  note: z.string().trim().min(1, "Add a note saying how the error was resolved.").max(1000),
});
export type ResolveErrorsRequest = z.input<typeof ZResolveErrorsRequestSchema>;

export const ZResolveErrorsResponseSchema = z.object({
  /** errors that were open and are now resolved */
  resolved: z.number(),
  /** errors that were already resolved and were left as they were */
  skipped: z.number(),
  /** the connections touched, with their recomputed health */
  connections: z.array(
    z.object({ id: z.string(), openErrors: z.number(), needsRelink: z.boolean(), version: z.number() }),
  ),
});
export type ResolveErrorsResponse = z.infer<typeof ZResolveErrorsResponseSchema>;
