// The shapes shared by every ingest entry point (HTTP API and CLI): what goes in, what each
// record's outcome is, and who is acting.
import type { AdapterFormat, AdapterIssue } from "../adapters";
import type { Platform } from "../../db/types";
import type { TenantScope } from "../scope/tenant-scope";

export const INGEST_KINDS = ["connections", "runs", "errors"] as const;
export type IngestKind = (typeof INGEST_KINDS)[number];

export function isIngestKind(value: string): value is IngestKind {
  return (INGEST_KINDS as readonly string[]).includes(value);
}

export type RecordStatus = "accepted" | "updated" | "unchanged" | "rejected";

export interface RecordResult {
  /** Position of the record in the input (0-based), across envelopes and NDJSON lines. */
  index: number;
  status: RecordStatus;
  /** Console id of the connection / run / error written or matched. */
  id?: string;
  issues?: AdapterIssue[];
}

/** One record as read from the input: parsed JSON, or why it could not be parsed. */
export interface SourceRecord {
  index: number;
  /** Where the record sits in the input, e.g. `$[3]` or `$.results[0]`. */
  path: string;
  record?: unknown;
  /** Set when the record's text is not usable JSON (syntax, depth, size). */
  problem?: string;
}

export interface IngestActor {
  /** `api-key:<id>` or `cli` */
  id: string;
  label: string;
}

export interface TenantRow {
  id: string;
  slug: string;
  time_zone: string;
}

export interface IngestOptions {
  kind: IngestKind;
  format: AdapterFormat;
  actor: IngestActor;
  /** The tenant every record goes to (an API key's tenant or `--tenant`); null = per record. */
  tenant: TenantRow | null;
  /** Whether `tenant` is a hard scope (API key) rather than a default (CLI/query). */
  tenantIsScope: boolean;
  /** Records per transaction; default 1,000. */
  batchSize?: number;
  /** Import time; tests pin it. */
  now?: () => string;
}

export interface IngestCounts {
  accepted: number;
  updated: number;
  unchanged: number;
  rejected: number;
}

export interface BatchContext {
  options: IngestOptions;
  /**
   * The batch's reads of tenant data, over its transaction: confined to the import's tenant
   * when it has one (an API key's, `?tenant=` or `--tenant`), else every tenant.
   */
  scope: TenantScope;
  platform: Platform;
  now: string;
  tenants: TenantDirectory;
}

export interface TenantDirectory {
  /** By tenants.id or tenants.slug; null when unknown. */
  find(ref: string): TenantRow | null;
}

/** A client's reference quoted back in a message, cut short: a message stays a sentence. */
export const quoteRef = (ref: string): string => JSON.stringify(ref.length > 80 ? `${ref.slice(0, 77)}…` : ref);
