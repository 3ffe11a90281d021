import type { ConnectionStatus, Platform } from "../../../db/types";
import type { ConnectionListRow } from "./list.types";

interface RawListRow extends Omit<
  ConnectionListRow,
  "needs_relink" | "user_paused" | "platform_paused" | "open_error_count" | "version"
> {
  needs_relink: number;
  user_paused: number;
  platform_paused: number;
  open_error_count: number;
  version: number;
  status: ConnectionStatus;
  platform: Platform;
}

/** Database row (0/1 flags; PostgreSQL may return counts as strings) to the API shape. */
export function toListRow(row: RawListRow): ConnectionListRow {
  return {
    ...row,
    needs_relink: Boolean(row.needs_relink),
    user_paused: Boolean(row.user_paused),
    platform_paused: Boolean(row.platform_paused),
    open_error_count: row.open_error_count,
    version: row.version,
  };
}
