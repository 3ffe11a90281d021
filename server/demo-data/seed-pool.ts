// Generates a seeding run's batches in worker threads and hands them over in batch order, a few
// ahead of the consumer, so the inserting thread never waits for generation it could overlap.
// With no workers the batches are generated inline (the same rows: see seed-batch.ts).
import { Worker } from "node:worker_threads";
import type { DbKind } from "../../db";
import { sealCredentials } from "../crypto";
import { generateBatch, type BatchRequest } from "./seed-batch";
import { encodeBatch, encodeRows, type EncodedTable } from "./seed-encode";
import { batchRowTables, searchRows, summarizeBatch, type BatchSummary } from "./seed-summaries";

/** A batch ready to write: its tables encoded, and (loading an empty database) its summaries' part. */
export interface PreparedBatch {
  tables: EncodedTable[];
  /** its per-error summary rows are among `tables`; the rest is merged by the caller */
  summary?: BatchSummary;
}

export function prepareBatch(kind: DbKind, request: BatchRequest, summaries: boolean): PreparedBatch {
  const batch = generateBatch(request);
  if (!summaries) return { tables: encodeBatch(kind, batch) };
  // Loading an empty table: its rows' rowids are 1, 2, … in order (SQLite's search rows name them).
  const first = request.start + request.batch * request.batchSize + 1;
  const tables = encodeBatch(kind, batch, kind === "sqlite" ? first : undefined);
  const summary = summarizeBatch(batch);
  const rows = [...batchRowTables(summary), ...(kind === "sqlite" ? [searchRows(batch, first)] : [])];
  for (const t of rows) tables.push(encodeRows(kind, t.table, t.columns, t.rows));
  return { tables, summary: { ...summary, members: [], groupConnections: [] } };
}

// The worker is TypeScript: it registers tsx's loader first (under tsx or vitest alike).
const BOOTSTRAP = `import("tsx/esm/api").then((m) => { m.register(); return import(${JSON.stringify(
  new URL("./seed-worker.ts", import.meta.url).href,
)}); })`;

export async function* generatedBatches(
  kind: DbKind,
  requests: BatchRequest[],
  workerCount: number,
  summaries = false,
): AsyncGenerator<PreparedBatch> {
  if (workerCount <= 0) {
    for (const request of requests) yield prepareBatch(kind, request, summaries);
    return;
  }
  // Reads or creates the encryption key once here, so workers never race to create it.
  sealCredentials({});
  const workers = Array.from({ length: workerCount }, () => new Worker(BOOTSTRAP, { eval: true }));
  // Batch k goes to worker k mod n; each worker answers its batches in the order it got them.
  const pending = workers.map(() => [] as { resolve: (t: PreparedBatch) => void; reject: (e: unknown) => void }[]);
  workers.forEach((w, i) => {
    w.on("message", (prepared: PreparedBatch) => pending[i]?.shift()?.resolve(prepared));
    w.on("error", (e) => pending[i]?.splice(0).forEach((p) => p.reject(e)));
  });
  const results: (Promise<PreparedBatch> | undefined)[] = [];
  const send = (k: number) => {
    const request = requests[k];
    if (!request) return;
    const i = k % workerCount;
    const result = new Promise<PreparedBatch>((resolve, reject) => pending[i]?.push({ resolve, reject }));
    result.catch(() => undefined); // awaited in turn below; a failure ahead of it is not unhandled
    results[k] = result;
    workers[i]?.postMessage({ kind, request, summaries });
  };
  const ahead = workerCount * 2;
  try {
    for (let k = 0; k < Math.min(ahead, requests.length); k++) send(k);
    for (let k = 0; k < requests.length; k++) {
      const prepared = await results[k];
      results[k] = undefined;
      if (!prepared) throw new Error(`seed batch ${k} was never requested`);
      send(k + ahead);
      yield prepared;
    }
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
