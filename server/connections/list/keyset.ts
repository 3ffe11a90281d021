// Keyset pagination over (sort column, id) that stays fast on page 10,000. Nullable sort
// columns are read as two index-friendly segments, non-null values then nulls (nulls last in
// either direction), instead of one ORDER BY on an expression no index can serve.
import type { SelectQueryBuilder } from "kysely";
import type { Database } from "../../../db/types";
import { BadRequestError } from "../../errors";
import type { Cursor } from "../../pagination/cursor";
import { NULLABLE_SORT_COLUMNS, NUMERIC_SORT_COLUMNS, type SortColumn } from "./list.types";

type Base<O> = SelectQueryBuilder<Database, "connections", O>;
export type Segment = "values" | "nulls";

export interface KeysetRequest {
  sort: SortColumn;
  dir: "asc" | "desc";
  cursor: Cursor | null;
  /** true to read towards the start of the list (previous page, or last page from the end) */
  reverse: boolean;
  limit: number;
}

/** A row's sort value as a cursor holds it: always text (open_error_count is a number in rows). */
export const cursorValue = (v: string | number | null): string | null => (typeof v === "number" ? String(v) : v);

/** A cursor's text as the sort column's own type, so the comparison is numeric where it must be. */
function columnValue(sort: SortColumn, v: string): string | number {
  if (!NUMERIC_SORT_COLUMNS.has(sort)) return v;
  const n = Number(v);
  if (!Number.isInteger(n))
    throw new BadRequestError("cursor: not a cursor this list produced; reload the first page.");
  return n;
}

/**
 * One segment in `order`, after `after` (exclusive) and, when given, up to `until` (inclusive):
 * a range of the sort index with both ends, so a walk reads nothing past `until`.
 */
export function segmentQuery<O>(
  base: Base<O>,
  sort: SortColumn,
  segment: Segment,
  order: "asc" | "desc",
  after: Cursor | null,
  limit: number,
  until: Cursor | null = null,
) {
  const col = `connections.${sort}` as const;
  const cmp = order === "asc" ? ">" : "<";
  const upTo = order === "asc" ? "<=" : ">=";
  let q = base;
  if (segment === "nulls") {
    q = q.where(col, "is", null);
    if (after) q = q.where("connections.id", cmp, after.id);
    if (until) q = q.where("connections.id", upTo, until.id);
    return q.orderBy("connections.id", order).limit(limit);
  }
  if (NULLABLE_SORT_COLUMNS.has(sort)) q = q.where(col, "is not", null);
  if (after && after.v !== null) {
    const v = columnValue(sort, after.v);
    q = q.where((eb) => eb(eb.refTuple(col, "connections.id"), cmp, eb.tuple(v, after.id)));
  }
  if (until && until.v !== null) {
    const v = columnValue(sort, until.v);
    q = q.where((eb) => eb(eb.refTuple(col, "connections.id"), upTo, eb.tuple(v, until.id)));
  }
  return q.orderBy(col, order).orderBy("connections.id", order).limit(limit);
}

/** The segments a read visits, in order, starting at the cursor's. */
export function keysetSegments(req: Pick<KeysetRequest, "sort" | "cursor" | "reverse">): Segment[] {
  const nullable = NULLABLE_SORT_COLUMNS.has(req.sort);
  let segments: Segment[] = nullable ? ["values", "nulls"] : ["values"];
  if (req.reverse) segments = segments.reverse();
  if (req.cursor) {
    const start: Segment = req.cursor.v === null && nullable ? "nulls" : "values";
    segments = segments.slice(segments.indexOf(start));
  }
  return segments;
}

/** Walk order of a request: the display order, or its reverse. */
export const keysetOrder = (req: Pick<KeysetRequest, "dir" | "reverse">): "asc" | "desc" =>
  req.reverse ? (req.dir === "asc" ? "desc" : "asc") : req.dir;

/**
 * Returns up to limit+1 rows in display order when reading forward, or in reverse display
 * order when `reverse` (the caller flips them back). The extra row tells whether more exist.
 */
export async function readKeyset<O>(base: Base<O>, req: KeysetRequest): Promise<O[]> {
  const order = keysetOrder(req);
  const segments = keysetSegments(req);
  const rows: O[] = [];
  for (const [i, segment] of segments.entries()) {
    const want = req.limit + 1 - rows.length;
    if (want <= 0) break;
    const after = i === 0 ? req.cursor : null;
    rows.push(...(await segmentQuery(base, req.sort, segment, order, after, want).execute()));
  }
  return rows;
}
