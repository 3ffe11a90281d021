// Reads off the main thread on SQLite. better-sqlite3 is synchronous: a 100 ms query on the one
// connection stops every other request in the process for 100 ms. With a file database in WAL
// mode any number of connections can read at once, so plain reads (a SELECT outside a
// transaction) go to a few worker threads, each with its own read-only connection; writes,
// transactions and streams stay on the main connection, as before.
//
// A read in a worker sees the last committed state, as a read waiting for the main connection
// did. A read-only connection cannot write, so a statement routed here by mistake fails loudly.
import { Worker } from "node:worker_threads";
import { CompiledQuery, SelectQueryNode, type DatabaseConnection, type Driver, type QueryResult } from "kysely";

/**
 * Bytes of the database file read through a memory map rather than read() calls: SQLite's own
 * ceiling (2 GiB less 64 KiB). A list walk's row lookups land all over a million-row file, and
 * each one through read() costs a system call: at 300,000 rows walking the name index to the
 * end took 1.5–2.1 s with 256 MiB mapped and 0.7–0.9 s with this (before migration 0014). Address space only; the pages are
 * the kernel's page cache, shared by every connection.
 */
export const SQLITE_MMAP_BYTES = 2_147_418_112;

// The worker, as source: Next bundles the server, and a worker file beside this one would not
// be there at run time. It needs better-sqlite3 alone (resolved from the working directory,
// where `npm start` and the tests run; Next keeps it external).
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require(require.resolve("better-sqlite3", { paths: [process.cwd()] }));
const db = new Database(workerData.file, { readonly: true, fileMustExist: true });
db.pragma("busy_timeout = 5000");
db.pragma("cache_size = -32768");
db.pragma("mmap_size = ${SQLITE_MMAP_BYTES}");
const statements = new Map();
const blob = (v) => (v instanceof Uint8Array && !Buffer.isBuffer(v) ? Buffer.from(v.buffer, v.byteOffset, v.byteLength) : v);
parentPort.on("message", ({ id, sql, parameters }) => {
  try {
    let stmt = statements.get(sql);
    if (!stmt) {
      stmt = db.prepare(sql);
      if (statements.size >= 500) statements.clear();
      statements.set(sql, stmt);
    }
    parentPort.postMessage({ id, rows: stmt.all(parameters.map(blob)) });
  } catch (error) {
    parentPort.postMessage({ id, error: { message: String(error && error.message), code: error && error.code } });
  }
});
`;

interface Pending {
  resolve: (rows: unknown[]) => void;
  reject: (error: Error) => void;
}

/** Row values that were Buffers arrive as plain Uint8Arrays: the rest of the code expects Buffers. */
function restoreBuffers(rows: Record<string, unknown>[]): Record<string, unknown>[] {
  for (const row of rows)
    for (const [key, value] of Object.entries(row))
      if (value instanceof Uint8Array && !Buffer.isBuffer(value))
        row[key] = Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  return rows;
}

class ReadWorker {
  readonly pending = new Map<number, Pending>();
  private readonly worker: Worker;
  private next = 0;

  constructor(file: string) {
    this.worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file } });
    this.worker.unref(); // held only while a read is waiting (below), so it never keeps a script alive
    this.worker.on(
      "message",
      (m: { id: number; rows?: Record<string, unknown>[]; error?: { message: string; code?: string } }) => {
        const p = this.pending.get(m.id);
        if (!p) return;
        this.pending.delete(m.id);
        if (this.pending.size === 0) this.worker.unref();
        if (m.error) p.reject(Object.assign(new Error(m.error.message), { code: m.error.code }));
        else p.resolve(restoreBuffers(m.rows ?? []));
      },
    );
    this.worker.on("error", (error) => this.failAll(error));
    this.worker.on("exit", () => this.failAll(new Error("the SQLite read worker stopped")));
  }

  read(sql: string, parameters: readonly unknown[]): Promise<unknown[]> {
    const id = this.next++;
    if (this.pending.size === 0) this.worker.ref();
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, sql, parameters });
    });
  }

  private failAll(error: Error): void {
    for (const p of this.pending.values()) p.reject(error);
    this.pending.clear();
  }

  terminate(): Promise<number> {
    return this.worker.terminate();
  }
}

/** Functions registered on the main connection only (db/sql-functions.ts): a read calling one stays there. */
const MAIN_ONLY_FUNCTIONS = /\bops_error_(?:shape|group_id)\s*\(/i;

/** Plain reads: a compiled SELECT, or raw SQL that starts with SELECT. */
function isRead(query: CompiledQuery): boolean {
  if (MAIN_ONLY_FUNCTIONS.test(query.sql)) return false;
  if (SelectQueryNode.is(query.query)) return true;
  return query.query.kind === "RawNode" && /^\s*select\b/i.test(query.sql);
}

export class SqliteReadPool {
  private readonly workers: ReadWorker[];

  constructor(file: string, size: number) {
    this.workers = Array.from({ length: size }, () => new ReadWorker(file));
  }

  /** The worker with the fewest reads waiting. */
  read(query: CompiledQuery): Promise<unknown[]> {
    let best = this.workers[0]!;
    for (const w of this.workers) if (w.pending.size < best.pending.size) best = w;
    return best.read(query.sql, query.parameters);
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

/** A connection that sends plain reads to the pool until it needs the main connection. */
class RoutingConnection implements DatabaseConnection {
  main: DatabaseConnection | null = null;

  constructor(
    private readonly driver: Driver,
    private readonly pool: SqliteReadPool,
  ) {}

  async hold(): Promise<DatabaseConnection> {
    this.main ??= await this.driver.acquireConnection();
    return this.main;
  }

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    if (!this.main && isRead(query)) return { rows: (await this.pool.read(query)) as R[] };
    return (await this.hold()).executeQuery<R>(query);
  }

  async *streamQuery<R>(query: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
    yield* (await this.hold()).streamQuery<R>(query, chunkSize);
  }
}

type SavepointCompile = Parameters<NonNullable<Driver["savepoint"]>>[2];

/** Wraps Kysely's SQLite driver: the main connection is taken only for writes and transactions. */
export class RoutingSqliteDriver implements Driver {
  constructor(
    private readonly inner: Driver,
    private readonly pool: SqliteReadPool,
  ) {}

  init(): Promise<void> {
    return this.inner.init();
  }

  acquireConnection(): Promise<DatabaseConnection> {
    return Promise.resolve(new RoutingConnection(this.inner, this.pool));
  }

  async beginTransaction(connection: DatabaseConnection, settings: Parameters<Driver["beginTransaction"]>[1]) {
    await this.inner.beginTransaction(await (connection as RoutingConnection).hold(), settings);
  }

  async commitTransaction(connection: DatabaseConnection) {
    await this.inner.commitTransaction(await (connection as RoutingConnection).hold());
  }

  async rollbackTransaction(connection: DatabaseConnection) {
    await this.inner.rollbackTransaction(await (connection as RoutingConnection).hold());
  }

  async savepoint(connection: DatabaseConnection, name: string, compile: SavepointCompile): Promise<void> {
    await this.inner.savepoint?.(await (connection as RoutingConnection).hold(), name, compile);
  }

  async rollbackToSavepoint(connection: DatabaseConnection, name: string, compile: SavepointCompile): Promise<void> {
    await this.inner.rollbackToSavepoint?.(await (connection as RoutingConnection).hold(), name, compile);
  }

  async releaseSavepoint(connection: DatabaseConnection, name: string, compile: SavepointCompile): Promise<void> {
    await this.inner.releaseSavepoint?.(await (connection as RoutingConnection).hold(), name, compile);
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    const routing = connection as RoutingConnection;
    if (routing.main) await this.inner.releaseConnection(routing.main);
    routing.main = null;
  }

  async destroy(): Promise<void> {
    await this.pool.close();
    await this.inner.destroy();
  }
}
