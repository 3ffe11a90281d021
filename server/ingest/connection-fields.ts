// Which columns an import owns, and how to tell a real change from a re-send: the mapped
// columns are compared one by one; timestamps the adapter only filled in with "now" (the
// source had none) are not data and never count as a change.
import type { Connection, ConnectionErrorsTable } from "../../db/types";
import type { MappedConnection, MappedError, MappedRun } from "../adapters";

export type MappedColumns = Omit<MappedConnection, "tenantRef" | "credentials" | "runs" | "errors">;
type ColumnName = keyof MappedColumns;

export const CONNECTION_COLUMNS = [
  "platform",
  "platform_id",
  "workspace_id",
  "name",
  "description",
  "provider",
  "integration_id",
  "integration_key",
  "integration_name",
  "categories",
  "source_id",
  "source_type",
  "source_workspace_id",
  "destination_id",
  "destination_type",
  "destination_workspace_id",
  "status",
  "upstream_status",
  "platform_paused",
  "platform_paused_reason",
  "environment",
  "external_xref",
  "auth_type",
  "auth_scopes",
  "auth_expires_at",
  "auth_aws_arn",
  "permissions",
  "link_url",
  "connection_info",
  "metadata",
  "unmapped",
  "created_at",
  "updated_at",
  "created_by",
  "updated_by",
  "last_sync_at",
  "last_run_job_id",
  "last_run_status",
  "last_run_at",
  "last_run_by",
  "last_run_source_parameters",
  "last_run_destination_parameters",
  "last_run_error",
] as const satisfies readonly ColumnName[];

/** Columns compared for "did anything change"; updated_at/by are bookkeeping, not data. */
const COMPARED = CONNECTION_COLUMNS.filter((c) => c !== "updated_at" && c !== "updated_by" && c !== "created_at");

export function pickColumns(mapped: MappedConnection): MappedColumns {
  const out: Partial<Record<ColumnName, unknown>> = {};
  for (const column of CONNECTION_COLUMNS) out[column] = mapped[column];
  return out as MappedColumns;
}

/** The mapped columns with "now"-defaults replaced by what the row already holds. */
export function settleTimestamps(mapped: MappedColumns, existing: Connection | undefined, now: string): MappedColumns {
  if (!existing) return mapped;
  return { ...mapped, created_at: mapped.created_at === now ? existing.created_at : mapped.created_at };
}

export function columnsChanged(mapped: MappedColumns, existing: Connection, now: string): boolean {
  if (COMPARED.some((column) => mapped[column] !== existing[column])) return true;
  if (mapped.created_at !== now && mapped.created_at !== existing.created_at) return true;
  return mapped.updated_at !== now && mapped.updated_at !== existing.updated_at;
}

const RUN_FIELDS = [
  "status",
  "source_status",
  "destination_status",
  "started_at",
  "finished_at",
  "run_by",
  "source_parameters",
  "destination_parameters",
  "records_read",
  "records_written",
  "error_message",
  "extra",
] as const satisfies readonly (keyof MappedRun)[];

export function runChanged(incoming: MappedRun, existing: MappedRun): boolean {
  return RUN_FIELDS.some((field) => incoming[field] !== existing[field]);
}

const ERROR_FIELDS = [
  "status_code",
  "status_text",
  "message",
  "errored_at",
  "status",
  "upstream_status",
  "is_auth_error",
  "resolved_at",
] as const satisfies readonly (keyof MappedError)[];

type StoredError = Pick<ConnectionErrorsTable, (typeof ERROR_FIELDS)[number] | "id" | "resolved_by">;

/**
 * What to write for an incoming error over a stored one; null = nothing changed. An error a
 * console user resolved stays resolved when the platform still reports it active: the
 * person's decision wins over a re-send of old data.
 */
export function errorUpdate(incoming: MappedError, existing: StoredError): Partial<MappedError> | null {
  const keepResolution = existing.resolved_by !== null && incoming.status === "active";
  const next: MappedError = keepResolution
    ? { ...incoming, status: existing.status, resolved_at: existing.resolved_at }
    : incoming;
  const changed = ERROR_FIELDS.filter((field) => next[field] !== existing[field]);
  if (changed.length === 0) return null;
  return Object.fromEntries(changed.map((field) => [field, next[field]]));
}
