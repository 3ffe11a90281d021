// The order the console lists a connection's runs in, newest first: by start time descending,
// runs that never started last (PostgreSQL would sort NULL first in DESC), ties by id descending.
// The SQL for ORDER BY, and the same rule in TypeScript for rows that come back unordered.
import { sql } from "kysely";

/** ORDER BY this, then started_at desc, then id desc. */
export const newestRunsFirst = sql<number>`case when started_at is null then 1 else 0 end`;

interface RunKey {
  started_at: string | null;
  id: string;
}

/** The same order for Array.prototype.sort. */
export function compareNewestRunsFirst(a: RunKey, b: RunKey): number {
  if ((a.started_at === null) !== (b.started_at === null)) return a.started_at === null ? 1 : -1;
  if (a.started_at !== b.started_at) return (a.started_at ?? "") < (b.started_at ?? "") ? 1 : -1;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}
