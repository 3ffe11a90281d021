import { z } from "zod";
import { CONNECTION_STATUSES, PLATFORMS } from "../../../db/types";
import { ZConnectionFiltersSchema } from "./filters.types";
import { ZHealthSchema } from "../health-score";

export { CONNECTION_STATUSES, PLATFORMS };

import { SORT_COLUMNS, type SortColumn } from "../../../lib/constants";

export { SORT_COLUMNS, type SortColumn };
export const NULLABLE_SORT_COLUMNS: ReadonlySet<SortColumn> = new Set(["last_sync_at", "auth_expires_at"]);
/** Integer sort columns: a cursor carries their value as text, compared as a number. */
export const NUMERIC_SORT_COLUMNS: ReadonlySet<SortColumn> = new Set(["open_error_count"]);

import { PAGE_SIZES } from "../../../lib/constants";

export { PAGE_SIZES };

export const ZListConnectionsRequestSchema = ZConnectionFiltersSchema.extend({
  sort: z.enum(SORT_COLUMNS).default("updated_at"),
  dir: z.enum(["asc", "desc"]).default("desc"),
  limit: z.union([z.literal(25), z.literal(50), z.literal(100)]).default(25),
  /** opaque cursor from a previous page */
  cursor: z.string().max(2000).nullish(),
  /** which way to move from the cursor; "last" jumps to the final page */
  direction: z.enum(["forward", "backward", "last"]).default("forward"),
});
export type ListConnectionsRequest = z.input<typeof ZListConnectionsRequestSchema>;
export type ListConnectionsQuery = z.output<typeof ZListConnectionsRequestSchema>;

export const ZConnectionListRowSchema = z.object({
  id: z.string(),
  tenant_id: z.string(),
  tenant_name: z.string(),
  platform: z.enum(PLATFORMS),
  platform_id: z.string(),
  name: z.string(),
  provider: z.string(),
  integration_name: z.string().nullable(),
  status: z.enum(CONNECTION_STATUSES),
  needs_relink: z.boolean(),
  user_paused: z.boolean(),
  platform_paused: z.boolean(),
  environment: z.string().nullable(),
  external_xref: z.string().nullable(),
  link_url: z.string().nullable(),
  auth_expires_at: z.string().nullable(),
  last_sync_at: z.string().nullable(),
  last_run_status: z.string().nullable(),
  last_run_at: z.string().nullable(),
  open_error_count: z.number(),
  created_at: z.string(),
  updated_at: z.string(),
  version: z.number(),
});
export type ConnectionListRow = z.infer<typeof ZConnectionListRowSchema>;

/** The newest relink link of a connection: open (sent, not yet opened), opened, completed, expired or revoked. */
export const RELINK_ROW_STATES = ["open", "opened", "completed", "expired", "revoked"] as const;
export const ZRelinkSummarySchema = z.object({
  state: z.enum(RELINK_ROW_STATES),
  /** when it entered that state (created, opened, used, revoked or expired) */
  at: z.string(),
  expires_at: z.string(),
});
export type RelinkSummary = z.infer<typeof ZRelinkSummarySchema>;

/** A list row as the console's table shows it: with its health score and newest relink link. */
export const ZTriagedRowSchema = ZConnectionListRowSchema.extend({
  health: ZHealthSchema,
  relink: ZRelinkSummarySchema.nullable(),
  /** free-form labels (server/tags) */
  tags: z.array(z.string()),
});
export type TriagedConnectionRow = z.infer<typeof ZTriagedRowSchema>;

export const ZListConnectionsResponseSchema = z.object({
  rows: z.array(ZTriagedRowSchema),
  /** cursor to pass with direction "forward" for the next page; null on the last page */
  nextCursor: z.string().nullable(),
  /** cursor to pass with direction "backward" for the previous page; null on the first page */
  prevCursor: z.string().nullable(),
  /**
   * A search ran out of its row budget before it found a full page (a common term whose matches
   * lie far along the sort order): `rows` are every match up to where it stopped, possibly none,
   * and the cursors carry on from there. Absent on a complete page.
   */
  partial: z.literal(true).optional(),
});
export type ListConnectionsResponse = z.infer<typeof ZListConnectionsResponseSchema>;
