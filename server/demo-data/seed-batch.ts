// One batch of demo connections (with runs and errors), deterministic from the run's seed and the
// batch number alone: the unit a seeding worker generates. Credentials are sealed here, so the
// AES-GCM work runs wherever the batch is generated (a worker thread in the bulk path).
import { sealCredentials } from "../crypto";
import { TENANTS } from "./catalog";
import { generateConnection, type GeneratedConnection } from "./generate-connection";
import { DRAWS_PER_ROW, Random, batchSeed } from "./random";
import type { NewConnection, NewConnectionError, NewConnectionRun } from "../../db/types";

/** Rows per batch; part of what the seed means (another size gives other rows past the first). */
export const SEED_BATCH = 5_000;

export interface BatchRequest {
  seed: number;
  /** batch number within the run: rows [batch × batchSize, …) of it */
  batch: number;
  batchSize: number;
  /** index of the run's first connection (rows already in the table) */
  start: number;
  /** connections in this batch (the last one may be short) */
  count: number;
  now: number;
}

export interface GeneratedBatch {
  /** connection rows without their credentials columns (merging ~60 keys per row cost more than making it) */
  connections: GeneratedConnection["connection"][];
  /** each connection's sealed credentials, or null */
  sealed: (ReturnType<typeof sealCredentials> | null)[];
  runs: NewConnectionRun[];
  errors: NewConnectionError[];
}

/** The batch's connections as whole rows (the query builder's path). */
export function connectionRows(batch: GeneratedBatch): NewConnection[] {
  return batch.connections.map((c, i) => ({
    ...c,
    ...(batch.sealed[i] ?? { credentials_encrypted: null, credentials_fingerprint: null }),
  }));
}

const WEIGHTED = TENANTS.map((t) => ({ ...t, id: `ten_${t.slug}` }));

export function generateBatch(request: BatchRequest): GeneratedBatch {
  const rnd = new Random(batchSeed(request.seed, request.batch, request.batchSize));
  const out: GeneratedBatch = { connections: [], sealed: [], runs: [], errors: [] };
  const first = request.start + request.batch * request.batchSize;
  for (let i = 0; i < request.count; i++) {
    const tenant = rnd.weighted(WEIGHTED);
    const g = generateConnection(rnd, first + i, tenant.id, tenant.name, request.now);
    out.connections.push(g.connection);
    out.sealed.push(g.credentials ? sealCredentials(g.credentials) : null);
    for (const r of g.runs) out.runs.push(r);
    for (const e of g.errors) out.errors.push(e);
  }
  // Past its budget a batch would reach into the next one's draws (see batchSeed).
  if (rnd.draws > request.batchSize * DRAWS_PER_ROW) throw new Error(`seed batch took ${rnd.draws} draws`);
  return out;
}

/** The batches of a run of `total` connections. */
export function batchRequests(
  seed: number,
  total: number,
  start: number,
  now: number,
  batchSize = SEED_BATCH,
): BatchRequest[] {
  const requests: BatchRequest[] = [];
  for (let batch = 0; batch * batchSize < total; batch++)
    requests.push({ seed, batch, batchSize, start, count: Math.min(batchSize, total - batch * batchSize), now });
  return requests;
}
