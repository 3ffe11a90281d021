// The home page's question ("what is broken, since when, for whom?") as one response: counts
// from the trigger-maintained summaries, never a scan of the connections.
import { z } from "zod";
import { CONNECTION_STATUSES } from "../../db/types";
import { ZErrorGroupRowSchema } from "../error-groups/error-groups.types";

export const HOME_EXPIRING_DAYS = 7;
export const HOME_DEFAULT_STALE_DAYS = 7;
export const HOME_CHART_DAYS = 30;

export const ZHomeRequestSchema = z
  .object({
    /** "stale": a last sync more than this many days ago */
    staleDays: z.number().int().min(1).max(365).default(HOME_DEFAULT_STALE_DAYS),
  })
  .default({ staleDays: HOME_DEFAULT_STALE_DAYS });
export type HomeRequest = z.output<typeof ZHomeRequestSchema>;

const count = z.number().int().min(0);

export const ZProviderStatusSchema = z.object({
  provider: z.string(),
  label: z.string(),
  total: count,
  byStatus: z.record(z.enum(CONNECTION_STATUSES), count),
});

export const ZActivitySchema = z.object({
  id: z.string(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  connectionId: z.string().nullable(),
  connectionName: z.string().nullable(),
  note: z.string().nullable(),
});
export type Activity = z.infer<typeof ZActivitySchema>;

export const ZHomeSummarySchema = z.object({
  /** the instant the time-based counts were taken at */
  now: z.string(),
  staleDays: z.number(),
  expiringDays: z.number(),
  total: count,
  byStatus: z.array(z.object({ status: z.enum(CONNECTION_STATUSES), n: count })),
  needsRelink: count,
  userPaused: count,
  platformPaused: count,
  withErrors: count,
  expiringSoon: count,
  stale: count,
  /** the providers with most connections (at most 10), then the rest as "other" */
  providerStatus: z.array(ZProviderStatusSchema),
  /** one entry per UTC day, oldest first, today last */
  errorDays: z.array(z.object({ day: z.string(), created: count, resolved: count })),
  topGroups: z.array(ZErrorGroupRowSchema),
  recentActivity: z.array(ZActivitySchema),
});
export type HomeSummary = z.infer<typeof ZHomeSummarySchema>;
export type ProviderStatus = z.infer<typeof ZProviderStatusSchema>;
