// A connection's stored errors, as one import matches its incoming errors against them: a dated
// error by its key (time and status code), an undated one by its content. Matching is one to one
// within a record: a record lists distinct errors, so two incoming errors never claim one row, and
// the same file imported again pairs every error with the row it made the first time.
import type { ConnectionError } from "../../db/types";
import { errorContentKey, errorKey } from "../adapters/error-identity";
import type { MappedError } from "../adapters";

export type ErrorState = Pick<ConnectionError, "id" | "status" | "is_auth_error">;

function add(map: Map<string, Set<string>>, key: string, id: string): void {
  const ids = map.get(key);
  if (ids) ids.add(id);
  else map.set(key, new Set([id]));
}

export class ErrorIndex {
  private readonly rows = new Map<string, ConnectionError>();
  private readonly byKey = new Map<string, Set<string>>();
  private readonly byContent = new Map<string, Set<string>>();

  constructor(errors: ConnectionError[]) {
    for (const error of errors) this.put(error);
  }

  /** Adds a row, or replaces one (planning keeps the index current with its own writes). */
  put(error: ConnectionError): void {
    const old = this.rows.get(error.id);
    if (old) {
      this.byKey.get(errorKey(old))?.delete(old.id);
      this.byContent.get(errorContentKey(old))?.delete(old.id);
    }
    this.rows.set(error.id, error);
    add(this.byKey, errorKey(error), error.id);
    add(this.byContent, errorContentKey(error), error.id);
  }

  /**
   * The stored row this error is, skipping rows already `claimed` by the record's other errors.
   * `defaulted`: the source gave no time (the import's stands in), so the error is its content —
   * code, text and message — never its key.
   */
  match(error: MappedError, defaulted: boolean, claimed: ReadonlySet<string> = new Set()): ConnectionError | undefined {
    const ids = defaulted ? this.byContent.get(errorContentKey(error)) : this.byKey.get(errorKey(error));
    for (const id of ids ?? []) if (!claimed.has(id)) return this.rows.get(id);
    return undefined;
  }

  after(): ErrorState[] {
    return [...this.rows.values()];
  }
}
