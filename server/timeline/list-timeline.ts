// A connection's timeline: each source's newest entries older than the cursor, merged in time
// order, one page at a time. A source is read only when its kind is asked for.
import { NotFoundError } from "../errors";
import type { TenantScope } from "../scope/tenant-scope";
import {
  auditEntries,
  before,
  errorEntries,
  linkEntries,
  runEntries,
  statusEntries,
  type Cursor,
} from "./timeline-sources";
import { TIMELINE_KINDS, type TimelineEntry, type TimelineKind, type TimelineResponse } from "./timeline.types";

function decode(cursor: string | null | undefined): Cursor | null {
  if (!cursor) return null;
  const i = cursor.indexOf("|");
  return i > 0 ? { at: cursor.slice(0, i), id: cursor.slice(i + 1) } : null;
}

export async function listTimeline(
  scope: TenantScope,
  input: { connectionId: string; kinds?: TimelineKind[]; cursor?: string | null; limit: number },
  now: number = Date.now(),
): Promise<TimelineResponse> {
  const exists = await scope
    .connections()
    .select("connections.id")
    .where("connections.id", "=", input.connectionId)
    .executeTakeFirst();
  if (!exists) throw new NotFoundError();
  const kinds = new Set(input.kinds?.length ? input.kinds : TIMELINE_KINDS);
  const c = decode(input.cursor);
  const id = input.connectionId;
  const n = input.limit;
  const none = Promise.resolve<TimelineEntry[]>([]);
  const parts = await Promise.all([
    kinds.has("run") ? runEntries(scope, id, c, n) : none,
    kinds.has("error") ? errorEntries(scope, id, c, n) : none,
    kinds.has("link") ? linkEntries(scope, id, now) : none,
    kinds.has("pause") || kinds.has("change") ? auditEntries(scope, id, c, n) : none,
    kinds.has("status") ? statusEntries(scope, id, c, n) : none,
  ]);
  const merged = parts
    .flat()
    .filter((e) => kinds.has(e.kind) && before(e, c))
    .sort((a, b) => (a.at === b.at ? (a.id < b.id ? 1 : -1) : a.at < b.at ? 1 : -1));
  const entries = merged.slice(0, n);
  const last = entries.at(-1);
  return { entries, nextCursor: merged.length > n && last ? `${last.at}|${last.id}` : null };
}
