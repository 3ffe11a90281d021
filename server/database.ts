// The console's own database, configured from the environment. db/ knows nothing of the
// environment: this module chooses the target (PostgreSQL when DATABASE_URL is set, else the
// embedded SQLite file) and keeps one instance per process.
import { createDb, type DB, type DbTarget } from "../db";
import { databaseUrl, sqlitePath, sqliteReadWorkers } from "./env";

export function defaultDbTarget(): DbTarget {
  const url = databaseUrl();
  return url ? { kind: "postgres", url } : { kind: "sqlite", url: sqlitePath(), readWorkers: sqliteReadWorkers() };
}

declare global {
  // The process-wide database survives Next's dev hot reloads.
  var consoleDb: DB | undefined;
}

export function getDb(): DB {
  globalThis.consoleDb ??= createDb(defaultDbTarget());
  return globalThis.consoleDb;
}
