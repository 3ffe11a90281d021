// The filters of the connections list as a zod schema: shared by the list, facets, export,
// bulk actions and the browser (no database code here, so client bundles can import it).
import { z } from "zod";
import { CONNECTION_STATUSES, PLATFORMS } from "../../../db/types";

const token = z.string().trim().min(1).max(100);
const dateOrTime = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);

export const ZConnectionFiltersSchema = z.object({
  /** substring search over id, name, external xref, provider, source id and tenant name */
  q: z.string().trim().max(200).optional(),
  status: z.array(z.enum(CONNECTION_STATUSES)).max(CONNECTION_STATUSES.length).optional(),
  needsRelink: z.boolean().optional(),
  userPaused: z.boolean().optional(),
  platformPaused: z.boolean().optional(),
  provider: z.array(token).max(100).optional(),
  category: z.array(token).max(50).optional(),
  platform: z.array(z.enum(PLATFORMS)).max(PLATFORMS.length).optional(),
  /** matched case-insensitively: platforms send `Production` and `production` */
  environment: z.array(token).max(20).optional(),
  /** tenant ids; staff only (others are confined to their tenant anyway, so it is ignored) */
  tenant: z.array(token).max(200).optional(),
  /** true: open_error_count > 0; false: no open errors */
  hasActiveErrors: z.boolean().optional(),
  /** auth expires between now and now + N days */
  authExpiresWithinDays: z.number().int().min(0).max(3650).optional(),
  /** last sync happened, and more than N days ago (never-synced rows are not "older") */
  lastSyncOlderThanDays: z.number().int().min(0).max(3650).optional(),
  /** created on or after this date (a bare date means 00:00 UTC) */
  createdFrom: dateOrTime.optional(),
  /** created on or before this date (a bare date includes the whole day, UTC) */
  createdTo: dateOrTime.optional(),
  /** connections with an active error in this error group (server/error-groups) */
  errorGroup: z
    .string()
    .trim()
    .regex(/^eg_[0-9a-f]{16}$/, "Not an error group id.")
    .optional(),
  /** connections carrying any of these tags (case-insensitive) */
  tag: z.array(token).max(20).optional(),
});
export type ConnectionFilters = z.output<typeof ZConnectionFiltersSchema>;
export type ConnectionFiltersInput = z.input<typeof ZConnectionFiltersSchema>;
