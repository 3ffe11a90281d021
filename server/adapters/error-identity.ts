// How an error is recognised again on a later import. Errors have no upstream id (Codat's
// DataConnectionError has none): one is its time and status code; one sent without a time is its
// content. Keys are JSON arrays so that null, "" and a value never collide.
import type { MappedError } from "./types";

export function errorKey(error: Pick<MappedError, "errored_at" | "status_code">): string {
  return JSON.stringify([error.errored_at, error.status_code]);
}

export function errorContentKey(error: Pick<MappedError, "status_code" | "status_text" | "message">): string {
  return JSON.stringify([error.status_code, error.status_text, error.message]);
}
