import { z } from "zod";
import { CONNECTION_STATUSES, PLATFORMS } from "../../../db/types";

const json = z.unknown();

/** Everything about one connection that may leave the server. No credential material. */
export const ZConnectionDetailSchema = z.object({
  id: z.string(),
  tenant_id: z.string(),
  tenant_name: z.string(),
  tenant_slug: z.string(),
  platform: z.enum(PLATFORMS),
  platform_id: z.string(),
  workspace_id: z.string().nullable(),
  name: z.string(),
  description: z.string().nullable(),
  provider: z.string(),
  provider_display_name: z.string().nullable(),
  integration_id: z.string().nullable(),
  integration_key: z.string().nullable(),
  integration_name: z.string().nullable(),
  categories: z.array(z.string()),
  source_id: z.string().nullable(),
  source_type: z.string().nullable(),
  source_workspace_id: z.string().nullable(),
  destination_id: z.string().nullable(),
  destination_type: z.string().nullable(),
  destination_workspace_id: z.string().nullable(),
  status: z.enum(CONNECTION_STATUSES),
  upstream_status: z.string().nullable(),
  needs_relink: z.boolean(),
  user_paused: z.boolean(),
  paused_by: z.string().nullable(),
  paused_at: z.string().nullable(),
  pause_reason: z.string().nullable(),
  platform_paused: z.boolean(),
  platform_paused_reason: z.string().nullable(),
  environment: z.string().nullable(),
  external_xref: z.string().nullable(),
  auth_type: z.string().nullable(),
  auth_scopes: z.array(z.string()),
  auth_expires_at: z.string().nullable(),
  auth_aws_arn: z.string().nullable(),
  has_credentials: z.boolean(),
  credentials_fingerprint: z.string().nullable(),
  permissions: z.array(z.string()),
  link_url: z.string().nullable(),
  connection_info: json,
  metadata: json,
  unmapped: json,
  created_at: z.string(),
  updated_at: z.string(),
  created_by: z.string().nullable(),
  updated_by: z.string().nullable(),
  last_sync_at: z.string().nullable(),
  last_run_job_id: z.string().nullable(),
  last_run_status: z.string().nullable(),
  last_run_at: z.string().nullable(),
  last_run_by: z.string().nullable(),
  last_run_source_parameters: json,
  last_run_destination_parameters: json,
  last_run_error: z.string().nullable(),
  open_error_count: z.number(),
  version: z.number(),
});
export type ConnectionDetail = z.infer<typeof ZConnectionDetailSchema>;

export const ZConnectionByIdRequestSchema = z.object({ id: z.string().min(1).max(200) });

// ---- Sections that paginate: runs, errors, activity. Offset pages are fine here: each list is
// one connection's rows, read through a (connection_id, time) index, never a whole table.
export const DETAIL_PAGE_SIZES = [10, 20, 50, 100] as const;
const ZPage = {
  connectionId: z.string().min(1).max(200),
  limit: z.number().int().min(1).max(100).default(20),
  offset: z.number().int().min(0).max(100_000).default(0),
};
const pageOf = <T extends z.ZodType>(row: T) =>
  z.object({ rows: z.array(row), total: z.number(), nextOffset: z.number().nullable() });

export const ZRunsRequestSchema = z.object(ZPage);
export type RunsRequest = z.input<typeof ZRunsRequestSchema>;

export const ZRunSchema = z.object({
  id: z.string(),
  job_id: z.string(),
  status: z.string(),
  succeeded: z.boolean(),
  source_status: z.string().nullable(),
  destination_status: z.string().nullable(),
  started_at: z.string().nullable(),
  finished_at: z.string().nullable(),
  duration_ms: z.number().nullable(),
  run_by: z.string().nullable(),
  source_parameters: json,
  destination_parameters: json,
  records_read: z.number().nullable(),
  records_written: z.number().nullable(),
  error_message: z.string().nullable(),
  extra: json,
});
export type ConnectionRunView = z.infer<typeof ZRunSchema>;
export const ZRunsPageSchema = pageOf(ZRunSchema);
export type RunsPage = z.infer<typeof ZRunsPageSchema>;

export const ZErrorsRequestSchema = z.object({
  ...ZPage,
  status: z.enum(["all", "active", "resolved"]).default("all"),
});
export type ErrorsRequest = z.input<typeof ZErrorsRequestSchema>;
export const ZConnectionErrorSchema = z.object({
  id: z.string(),
  status: z.enum(["active", "resolved"]),
  upstream_status: z.string().nullable(),
  status_code: z.string().nullable(),
  status_text: z.string().nullable(),
  message: z.string().nullable(),
  is_auth_error: z.boolean(),
  errored_at: z.string(),
  resolved_at: z.string().nullable(),
  resolved_by: z.string().nullable(),
  resolution_note: z.string().nullable(),
});
export type ConnectionErrorView = z.infer<typeof ZConnectionErrorSchema>;
export const ZErrorsPageSchema = pageOf(ZConnectionErrorSchema).extend({
  activeCount: z.number(),
  resolvedCount: z.number(),
});
export type ErrorsPage = z.infer<typeof ZErrorsPageSchema>;

export const ZActivityRequestSchema = z.object(ZPage);
export const ZActivityEventSchema = z.object({
  id: z.string(),
  at: z.string(),
  actor_id: z.string(),
  actor_label: z.string(),
  action: z.string(),
  note: z.string().nullable(),
  before: json,
  after: json,
});
export type ActivityEvent = z.infer<typeof ZActivityEventSchema>;
export const ZActivityPageSchema = pageOf(ZActivityEventSchema);
export type ActivityPage = z.infer<typeof ZActivityPageSchema>;

// ---- Parameter diff between two runs.
export const ZRunDiffRequestSchema = z.object({
  connectionId: z.string().min(1).max(200),
  /** the older side; default: the last successful run before `targetRunId` */
  baseRunId: z.string().min(1).max(200).nullish(),
  /** the newer side; default: the last run */
  targetRunId: z.string().min(1).max(200).nullish(),
});
export type RunDiffRequest = z.input<typeof ZRunDiffRequestSchema>;
export const ZParamChangeSchema = z.object({
  path: z.string(),
  kind: z.enum(["added", "removed", "changed"]),
  before: json,
  after: json,
});
export type ParamChange = z.infer<typeof ZParamChangeSchema>;
export const ZRunRefSchema = z.object({
  id: z.string(),
  job_id: z.string(),
  status: z.string(),
  started_at: z.string().nullable(),
});
export const ZRunDiffSchema = z.object({
  base: ZRunRefSchema.nullable(),
  target: ZRunRefSchema.nullable(),
  source: z.array(ZParamChangeSchema),
  destination: z.array(ZParamChangeSchema),
});
export type RunDiff = z.infer<typeof ZRunDiffSchema>;
