// What every import adapter produces: one connection in the console's model, plus its runs and
// errors, without the bookkeeping the console owns (ids, tenant, version, counters, the user's
// own pause, encrypted credentials). The caller resolves `tenantRef`, encrypts `credentials` and
// derives `needs_relink` / `open_error_count`.
import type { ConnectionErrorsTable, ConnectionRunsTable, ConnectionsTable } from "../../db/types";

/** One problem with an input record; `path` is JSON-pointer-ish: `$.dataConnectionErrors[0].erroredOnUtc`. */
export interface AdapterIssue {
  path: string;
  reason: string;
}

/** Columns the console owns; an import must never set (or overwrite) them. */
type ConsoleOwnedColumn =
  | "id"
  | "tenant_id"
  | "version"
  | "open_error_count"
  | "needs_relink"
  | "credentials_encrypted"
  | "credentials_fingerprint"
  | "user_paused"
  | "paused_by"
  | "paused_at"
  | "pause_reason";

export type MappedRun = Omit<ConnectionRunsTable, "id" | "connection_id" | "tenant_id">;

export type MappedError = Omit<
  ConnectionErrorsTable,
  "id" | "connection_id" | "tenant_id" | "resolved_by" | "resolution_note"
>;

export type MappedConnection = Omit<ConnectionsTable, ConsoleOwnedColumn> & {
  /** The tenant id/slug the record itself names (JSON-schema `tenant_id`), if any. */
  tenantRef: string | null;
  /** Plaintext auth object (Unified `auth`); the caller encrypts it. Never copied elsewhere. */
  credentials: Record<string, unknown> | null;
  runs: MappedRun[];
  errors: MappedError[];
};

export type AdapterResult = { ok: true; value: MappedConnection } | { ok: false; issues: AdapterIssue[] };

export interface AdapterContext {
  /** IANA zone used for Codat's unqualified local times and date-only values. */
  tenantTimeZone: string;
  /** ISO-8601 instant of the import; used where a record has no timestamp of its own. */
  now: string;
}

export type AdapterFormat = "codat" | "unified" | "dto" | "schema";
