// SQL functions the operations summaries' triggers call (migration 0007). PostgreSQL has them as
// SQL functions in the schema; SQLite has none of the regular expressions they need, so every
// SQLite connection this module opens registers them from the same code the server uses. A
// SQLite connection opened elsewhere (a shell) can read, but cannot write connection errors.
import { createHash } from "node:crypto";
import type SQLite from "better-sqlite3";
import { errorMessageShape } from "../lib/error-message-shape";

/** The id of the group of errors with this provider, status code and message shape. */
export function errorGroupId(provider: string | null, statusCode: string | null, message: string | null): string {
  return errorGroupIdOfShape(provider, statusCode, errorMessageShape(message));
}

/** The same id from a shape already computed (ingest shapes each distinct message once a batch). */
export function errorGroupIdOfShape(provider: string | null, statusCode: string | null, shape: string): string {
  const key = `${provider ?? ""}\u001f${statusCode ?? ""}\u001f${shape}`;
  return `eg_${createHash("md5").update(key, "utf8").digest("hex").slice(0, 16)}`;
}

/** SQLite hands a function text, numbers, blobs or null; the key uses text (a blob as UTF-8). */
const text = (v: unknown): string | null =>
  typeof v === "string"
    ? v
    : typeof v === "number" || typeof v === "bigint"
      ? v.toString()
      : Buffer.isBuffer(v)
        ? v.toString("utf8")
        : null;

export function registerSqlFunctions(sqlite: SQLite.Database): void {
  sqlite.function("ops_error_shape", { deterministic: true }, (m: unknown) => errorMessageShape(text(m)));
  sqlite.function("ops_error_group_id", { deterministic: true }, (p: unknown, c: unknown, m: unknown) =>
    errorGroupId(text(p), text(c), text(m)),
  );
}
