// A re-run asked of the platform: by default with the last run's source and destination
// parameters, which the request's own keys override. Pending until the platform ingests a run
// with the request's job id.
import { z } from "zod";

const parameters = z.record(z.string().max(200), z.unknown());

export const ZRequestRunInputSchema = z.object({
  /** The job id the platform should run under; one is made when omitted. Unique per connection. */
  jobId: z.string().trim().min(1).max(200).optional(),
  /** Keys replacing the last run's source parameters of the same name (null removes one). */
  sourceParameters: parameters.optional(),
  destinationParameters: parameters.optional(),
  note: z.string().trim().max(500).optional(),
});
export type RequestRunInput = z.output<typeof ZRequestRunInputSchema>;

export const RUN_REQUEST_STATUSES = ["pending", "fulfilled"] as const;

export const ZRunRequestSchema = z.object({
  id: z.string(),
  connection_id: z.string(),
  tenant_id: z.string(),
  job_id: z.string(),
  status: z.enum(RUN_REQUEST_STATUSES),
  /** Secret-named keys read "•••• (redacted)", as everywhere the console shows parameters. */
  source_parameters: z.record(z.string(), z.unknown()),
  destination_parameters: z.record(z.string(), z.unknown()),
  note: z.string().nullable(),
  requested_by: z.string(),
  requested_at: z.string(),
  fulfilled_at: z.string().nullable(),
  fulfilled_run_id: z.string().nullable(),
});
export type RunRequestView = z.infer<typeof ZRunRequestSchema>;

export const ZPendingRunRequestsInputSchema = z.object({ connectionId: z.string().min(1).max(200) });
