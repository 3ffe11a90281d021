// THE ingest code path, shared by the HTTP API and the CLI: records in, batches of (default)
// 1,000 each written in one transaction with one audit event per tenant touched, a result per
// record out. A crash loses at most the open batch, and because every write is an idempotent
// upsert, running the same input again completes the import without duplicates.
import type { DB } from "../../db";
import { ADAPTERS } from "../adapters";
import { TenantScope } from "../scope/tenant-scope";
import { writeAudit } from "../audit/write-audit";
import { nowIso } from "../ids";
import { ingestConnectionBatch, type Outcome } from "./connection-batch";
import { ingestErrorBatch } from "./error-batch";
import { loadTenantDirectory } from "./resolve-tenant";
import { ingestRunBatch } from "./run-batch";
import { withIngestCheckpoints } from "./wal-checkpoints";
import type { BatchContext, IngestCounts, IngestKind, IngestOptions, RecordResult, SourceRecord } from "./types";

export const DEFAULT_BATCH_SIZE = 1000;

const BATCHERS: Record<IngestKind, (trx: DB, records: SourceRecord[], ctx: BatchContext) => Promise<Outcome[]>> = {
  connections: ingestConnectionBatch,
  runs: ingestRunBatch,
  errors: ingestErrorBatch,
};

export interface IngestHooks {
  /** After each committed batch: counts so far and records processed (progress bars). */
  onBatch?: (counts: IngestCounts, processed: number) => void;
  /** Inside the batch's transaction, after its writes (tests simulate a crash here). */
  beforeCommit?: (batchNumber: number) => void | Promise<void>;
  /** "all" (API) or only rejected results (CLI: summaries of big files stay small). */
  keep?: "all" | "rejected";
}

export interface IngestReport {
  counts: IngestCounts;
  results: RecordResult[];
}

async function auditBatch(scope: TenantScope, outcomes: Outcome[], options: IngestOptions, at: string): Promise<void> {
  const byTenant = new Map<string, { accepted: number; updated: number; ids: string[] }>();
  for (const { result, tenantId } of outcomes) {
    if (tenantId === undefined || (result.status !== "accepted" && result.status !== "updated")) continue;
    const entry = byTenant.get(tenantId) ?? { accepted: 0, updated: 0, ids: [] };
    entry[result.status] += 1;
    if (result.id) entry.ids.push(result.id);
    byTenant.set(tenantId, entry);
  }
  for (const [tenantId, entry] of byTenant) {
    await writeAudit(scope, {
      actor: options.actor,
      action: `ingest.${options.kind}`,
      tenantId,
      connectionId: options.kind === "connections" && entry.ids.length === 1 ? entry.ids[0] : null,
      after: { format: options.format, ...entry },
      note: `${options.kind} (${options.format}): ${entry.accepted} accepted, ${entry.updated} updated`,
      at,
    });
  }
}

export async function ingestRecords(
  db: DB,
  source: AsyncIterable<SourceRecord> | Iterable<SourceRecord>,
  options: IngestOptions,
  hooks: IngestHooks = {},
): Promise<IngestReport> {
  const tenants = await loadTenantDirectory(db);
  const platform = ADAPTERS[options.format].platform;
  const size = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const counts: IngestCounts = { accepted: 0, updated: 0, unchanged: 0, rejected: 0 };
  const results: RecordResult[] = [];
  let processed = 0;
  let batchNumber = 0;

  const flush = async (batch: SourceRecord[]) => {
    const now = options.now?.() ?? nowIso();
    const number = batchNumber++;
    const outcomes = await db.transaction().execute(async (trx) => {
      const scope = TenantScope.unscopedForIngest(trx, options.tenant?.id ?? null);
      const ctx: BatchContext = { options, platform, now, tenants, scope };
      const out = await BATCHERS[options.kind](trx, batch, ctx);
      await auditBatch(scope, out, options, now);
      await hooks.beforeCommit?.(number);
      return out;
    });
    for (const { result } of outcomes) {
      counts[result.status] += 1;
      if (hooks.keep !== "rejected" || result.status === "rejected") results.push(result);
    }
    processed += batch.length;
    hooks.onBatch?.({ ...counts }, processed);
  };

  // SQLite: the WAL is checkpointed every 64 MiB rather than in nearly every batch's commit.
  await withIngestCheckpoints(db, async () => {
    let batch: SourceRecord[] = [];
    for await (const record of source) {
      batch.push(record);
      if (batch.length >= size) {
        await flush(batch);
        batch = [];
      }
    }
    if (batch.length > 0) await flush(batch);
  });
  return { counts, results };
}
