// One batch of connection records, inside the caller's transaction: map, resolve tenants,
// compare with what is stored, then write only what changed — rows in one bulk upsert, runs
// and errors in bulk — with open_error_count/needs_relink derived from the merged errors.
import { sql } from "kysely";
import { dbKind, type DB } from "../../db";
import type { Connection } from "../../db/types";
import { ADAPTERS, computeNeedsRelink, prefixIssues, type MappedConnection } from "../adapters";
import { fingerprintSecret, sealCredentials } from "../crypto";
import { newId } from "../ids";
import { TenantScope } from "../scope/tenant-scope";
import { fulfilRunRequests } from "../run-requests/fulfil-run-requests";
import { newErrorEvents, statusChangeEvents, type StatusChange } from "../events/ingest-events";
import { writeEvents } from "../events/write-events";
import { emptyPlan, indexRuns, loadChildren, planErrors, planRuns, writeChildren } from "./child-rows";
import { ErrorIndex, type ErrorState } from "./error-index";
import { columnsChanged, pickColumns, settleTimestamps } from "./connection-fields";
import { upsertConnectionRows, type ConnectionWrite } from "./upsert-connections";
import { deferDerived, derivedAfter, derivedBefore, resumeDerived } from "./derived-batch";
import { errorGroupsAfter, errorGroupsBefore, type KnownError } from "./error-groups-batch";
import { resolveTenant } from "./resolve-tenant";
import type { BatchContext, RecordResult, SourceRecord, TenantRow } from "./types";

export interface Outcome {
  result: RecordResult;
  tenantId?: string;
}

interface Mapped {
  source: SourceRecord;
  raw: unknown;
  mapped: MappedConnection;
  zone: string;
}

const rejected = (source: SourceRecord, issues: RecordResult["issues"]): Outcome => ({
  result: { index: source.index, status: "rejected", issues },
});

function mapRecord(source: SourceRecord, ctx: BatchContext, zone: string): Mapped | Outcome {
  if (source.problem !== undefined) return rejected(source, [{ path: source.path, reason: source.problem }]);
  const result = ADAPTERS[ctx.options.format].map(source.record, { tenantTimeZone: zone, now: ctx.now });
  if (!result.ok) return rejected(source, prefixIssues(source.path, result.issues));
  return { source, raw: source.record, mapped: result.value, zone };
}

function health(status: Connection["status"], errors: Pick<ErrorState, "status" | "is_auth_error">[]) {
  const open = errors.filter((e) => e.status === "active");
  const needs = computeNeedsRelink(
    status,
    open.some((e) => e.is_auth_error === 1),
  );
  return { open_error_count: open.length, needs_relink: needs ? 1 : 0 };
}

export async function ingestConnectionBatch(trx: DB, records: SourceRecord[], ctx: BatchContext): Promise<Outcome[]> {
  const outcomes = new Map<number, Outcome>();
  const defaultZone = ctx.options.tenant?.time_zone ?? "UTC";
  // A platform id twice in one batch: later copies go in a later wave, so each sees the first.
  const waves: Mapped[][] = [];
  for (const source of records) {
    const item = mapRecord(source, ctx, defaultZone);
    if ("result" in item) {
      outcomes.set(source.index, item);
      continue;
    }
    const id = item.mapped.platform_id;
    const wave = waves.find((w) => !w.some((m) => m.mapped.platform_id === id));
    if (wave) wave.push(item);
    else waves.push([item]);
  }
  // The per-row triggers on connections are off for this batch: each wave keeps the derived
  // data itself, in set statements (derived-batch.ts).
  await deferDerived(trx);
  for (const wave of waves) for (const o of await ingestWave(trx, wave, ctx)) outcomes.set(o.result.index, o);
  await resumeDerived(trx);
  return records.map((r) => outcomes.get(r.index) ?? rejected(r, [{ path: r.path, reason: "not processed" }]));
}

/**
 * PostgreSQL: two imports of the same new connection at once would both plan an insert, and the
 * loser's runs would point at an id its upsert did not keep. A transaction-scoped advisory lock
 * per platform id (taken in sorted order, so two batches cannot deadlock on one wave) makes the
 * second wait for the first and then read its row. SQLite runs one writer at a time already.
 */
async function lockPlatformIds(trx: DB, ctx: BatchContext, ids: string[]): Promise<void> {
  if (dbKind(trx) !== "postgres" || ids.length === 0) return;
  const keys = [...new Set(ids.map((id) => `${ctx.platform}:${id}`))].sort();
  await sql`SELECT pg_advisory_xact_lock(hashtextextended(k, 0)) FROM unnest(${keys}::text[]) AS k ORDER BY k`.execute(
    trx,
  );
}

/**
 * The stored rows for these platform ids, in any tenant: the upsert is keyed by (platform,
 * platform id), so ingest must see who owns one to refuse moving it to another tenant.
 */
async function loadExisting(trx: DB, ctx: BatchContext, ids: string[]): Promise<Map<string, Connection>> {
  const platformWide = TenantScope.unscopedForIngest(trx, null);
  const existing = new Map<string, Connection>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await platformWide
      .connections()
      .selectAll()
      .where("platform", "=", ctx.platform)
      .where("platform_id", "in", ids.slice(i, i + 500))
      .execute();
    for (const row of rows) existing.set(row.platform_id, row);
  }
  return existing;
}

async function ingestWave(trx: DB, wave: Mapped[], ctx: BatchContext): Promise<Outcome[]> {
  await lockPlatformIds(
    trx,
    ctx,
    wave.map((m) => m.mapped.platform_id),
  );
  const existing = await loadExisting(
    trx,
    ctx,
    wave.map((m) => m.mapped.platform_id),
  );
  const children = await loadChildren(
    ctx.scope,
    [...existing.values()].map((c) => c.id),
    wave.some((m) => m.mapped.runs.length > 0),
  );
  const outcomes: Outcome[] = [];
  const writes: ConnectionWrite[] = [];
  const plan = emptyPlan();
  const statusChanges: StatusChange[] = [];
  for (let item of wave) {
    const stored = existing.get(item.mapped.platform_id);
    const tenant = resolveTenant({
      recordPath: item.source.path,
      tenantRef: item.mapped.tenantRef,
      ownerTenantId: stored?.tenant_id ?? null,
      explicit: ctx.options.tenant,
      explicitIsScope: ctx.options.tenantIsScope,
      tenants: ctx.tenants,
    });
    if (!tenant.ok) {
      outcomes.push(rejected(item.source, [tenant.issue]));
      continue;
    }
    if (tenant.tenant.time_zone !== item.zone) {
      // Local times (Codat) must be read in the owning tenant's zone.
      const again = mapRecord(item.source, ctx, tenant.tenant.time_zone);
      if ("result" in again) {
        outcomes.push(again);
        continue;
      }
      item = again;
    }
    const outcome = planConnection(item, tenant.tenant, stored, children, ctx, writes, plan);
    outcomes.push(outcome);
    if (stored && outcome.result.status === "updated" && stored.status !== item.mapped.status)
      statusChanges.push({
        connectionId: stored.id,
        tenantId: tenant.tenant.id,
        from: stored.status,
        to: item.mapped.status,
      });
  }
  const stored = new Set([...existing.values()].map((c) => c.id));
  const before = await derivedBefore(
    trx,
    writes.filter((w) => stored.has(w.id)).map((w) => w.id),
  );
  await upsertConnectionRows(trx, writes);
  await derivedAfter(
    trx,
    before,
    writes.map((w) => w.id),
  );
  // The errors' summaries likewise (error-groups-batch.ts), with the errors of a connection
  // whose provider changed regrouped.
  const storedById = new Map([...existing.values()].map((c) => [c.id, c]));
  const regrouped = writes.flatMap((w) => {
    const was = storedById.get(w.id);
    return was && was.provider !== w.provider ? (children.errors.get(w.id) ?? []).map((e) => e.id) : [];
  });
  const errorsBefore = await errorGroupsBefore(trx, [...plan.errorUpdates.map((u) => u.id), ...regrouped]);
  await writeChildren(trx, plan);
  await errorGroupsAfter(
    trx,
    errorsBefore,
    plan.errorInserts.map((e) => e.id),
    knownErrors(plan, writes),
  );
  await fulfilRunRequests(ctx.scope, plan.runInserts, ctx.now);
  // The outbox, in this batch's transaction (server/events).
  await writeEvents(ctx.scope, [...statusChangeEvents(statusChanges, ctx.now), ...newErrorEvents(plan, ctx.now)]);
  return outcomes;
}

/** The errors this wave inserts and does not update again, as written, with their provider. */
function knownErrors(plan: ReturnType<typeof emptyPlan>, writes: ConnectionWrite[]): Map<string, KnownError> {
  const providers = new Map(writes.map((w) => [w.id, w.provider]));
  const updated = new Set(plan.errorUpdates.map((u) => u.id));
  const known = new Map<string, KnownError>();
  for (const e of plan.errorInserts) {
    const provider = providers.get(e.connection_id);
    if (provider === undefined || updated.has(e.id)) continue;
    known.set(e.id, {
      id: e.id,
      tenant_id: e.tenant_id,
      connection_id: e.connection_id,
      status: e.status,
      errored_at: e.errored_at,
      resolved_at: e.resolved_at ?? null,
      status_code: e.status_code ?? null,
      message: e.message ?? null,
      provider,
    });
  }
  return known;
}

function planConnection(
  item: Mapped,
  tenant: TenantRow,
  stored: Connection | undefined,
  children: Awaited<ReturnType<typeof loadChildren>>,
  ctx: BatchContext,
  writes: ConnectionWrite[],
  plan: ReturnType<typeof emptyPlan>,
): Outcome {
  const { mapped } = item;
  const id = stored?.id ?? newId("con");
  const owner = { connectionId: id, tenantId: tenant.id };
  const runs = planRuns(owner, mapped.runs, indexRuns(children.runs.get(id) ?? []), plan);
  const errorIndex = new ErrorIndex(children.errors.get(id) ?? []);
  const errors = planErrors(owner, mapped.errors, errorIndex, ctx.now, plan);
  const columns = settleTimestamps(pickColumns(mapped), stored, ctx.now);
  const fingerprint = mapped.credentials === null ? null : fingerprintSecret(JSON.stringify(mapped.credentials));
  const credentialsChanged = fingerprint !== null && fingerprint !== stored?.credentials_fingerprint;
  const derived = health(mapped.status, errorIndex.after());
  const changed =
    !stored ||
    runs.changed ||
    errors.changed ||
    credentialsChanged ||
    columnsChanged(columns, stored, ctx.now) ||
    derived.open_error_count !== stored.open_error_count ||
    derived.needs_relink !== stored.needs_relink;
  if (!changed) return { result: { index: item.source.index, status: "unchanged", id }, tenantId: tenant.id };
  const credentials =
    mapped.credentials !== null && credentialsChanged
      ? sealCredentials(mapped.credentials)
      : {
          credentials_encrypted: stored?.credentials_encrypted ?? null,
          credentials_fingerprint: stored?.credentials_fingerprint ?? null,
        };
  writes.push({
    ...columns,
    ...credentials,
    ...derived,
    id,
    tenant_id: tenant.id,
    updated_by: columns.updated_by ?? ctx.options.actor.id,
    user_paused: stored?.user_paused ?? 0,
    paused_by: stored?.paused_by ?? null,
    paused_at: stored?.paused_at ?? null,
    pause_reason: stored?.pause_reason ?? null,
    version: 1,
  });
  return { result: { index: item.source.index, status: stored ? "updated" : "accepted", id }, tenantId: tenant.id };
}
