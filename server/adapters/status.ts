// The status rules of DESIGN.md in one place: how each platform's status word becomes the
// console's canonical status, what counts as an auth error, and when a connection needs relink.
import { CONNECTION_STATUSES, type ConnectionStatus } from "../../db/types";

const CODAT_STATUSES: Record<string, ConnectionStatus> = {
  PendingAuth: "pending",
  Linked: "active",
  Unlinked: "disconnected",
  Deauthorized: "deauthorized",
};
export const CODAT_STATUS_VALUES = Object.keys(CODAT_STATUSES);

/** Codat `dataConnectionStatus` → canonical; null for a value Codat does not define. */
export function mapCodatStatus(status: string): ConnectionStatus | null {
  return Object.hasOwn(CODAT_STATUSES, status) ? (CODAT_STATUSES[status] ?? null) : null;
}

export const SCHEMA_STATUS_VALUES = ["active", "disconnected", "expired", "error", "pending"] as const;

/** The JSON-schema's values are a subset of ours and map to themselves. */
export function mapSchemaStatus(status: string): ConnectionStatus | null {
  const known: readonly string[] = SCHEMA_STATUS_VALUES;
  if (!known.includes(status)) return null;
  return CONNECTION_STATUSES.find((s) => s === status) ?? null;
}

/** Unified sends no status; `is_paused` is a separate platform pause, so the status stays active. */
export function mapUnifiedStatus(): ConnectionStatus {
  return "active";
}

/** Workiva has no connection status: a failed last run makes it `error`, anything else `active`. */
export function mapWorkivaStatus(lastRunStatus: string | null): ConnectionStatus {
  return lastRunStatus === "error" ? "error" : "active";
}

const AUTH_STATUS_CODES = new Set(["401", "403"]);
const AUTH_MESSAGE =
  /invalid[_ ]grant|invalid[_ ]token|unauthori[sz]ed|de-?authori[sz]ed|(token|credentials?|access)[^.]{0,40}(expired|revoked|invalid)|(expired|revoked|invalid) (access |refresh )?token|re-?authenticat|re-?authori[sz]/i;

/** Whether an error means the stored credentials no longer work (so a relink can fix it). */
export function isAuthError(statusCode: string | number | null, message: string | null): boolean {
  if (statusCode !== null && AUTH_STATUS_CODES.has(String(statusCode).trim())) return true;
  return message !== null && AUTH_MESSAGE.test(message);
}

const RELINK_STATUSES: ReadonlySet<ConnectionStatus> = new Set(["expired", "deauthorized", "disconnected"]);

/** DESIGN.md: expired, deauthorized, disconnected, or error with an active auth error. */
export function computeNeedsRelink(status: ConnectionStatus, hasActiveAuthError: boolean): boolean {
  return RELINK_STATUSES.has(status) || (status === "error" && hasActiveAuthError);
}
