// A keyset read with a row budget: the walk of the sort index examines at most `budget` rows of
// the scope, however few of them match. First the row `budget` places on is found from the
// index alone (OFFSET over (sort column, id)); then the page is read from the range between the
// cursor and that row, closed at both ends, so no planner can read past it. When the range
// holds no full page the walk stops there and says where, and the caller hands out a cursor
// that carries on from that row: exact results, a bounded read per request.
import type { SelectQueryBuilder } from "kysely";
import type { Database } from "../../../db/types";
import type { Cursor } from "../../pagination/cursor";
import type { TenantScope } from "../../scope/tenant-scope";
import { cursorValue, keysetOrder, keysetSegments, segmentQuery, type KeysetRequest } from "./keyset";

type Base<O> = SelectQueryBuilder<Database, "connections", O>;

export interface Walk<O> {
  /** up to limit+1 rows in walk order, like readKeyset */
  rows: O[];
  /** the last row examined, when the budget ran out before limit+1 rows were found */
  stoppedAt: Cursor | null;
  /** rows of the scope in the ranges walked */
  examined: number;
}

export async function walkKeyset<O>(
  scope: TenantScope,
  base: Base<O>,
  req: KeysetRequest,
  budget: number,
): Promise<Walk<O>> {
  const order = keysetOrder(req);
  const segments = keysetSegments(req);
  const rows: O[] = [];
  let left = Math.max(1, budget);
  let examined = 0;
  for (const [i, segment] of segments.entries()) {
    const want = req.limit + 1 - rows.length;
    if (want <= 0) break;
    const after = i === 0 ? req.cursor : null;
    // Only the scope's own predicate: filters and the term must not stretch the range.
    const keys = scope.connections().select([`connections.${req.sort} as v`, "connections.id"]);
    // The budget's last row and the one after it: when the last segment ends exactly there, the
    // walk saw all of it (a table of exactly `budget` rows is read whole, not cut short).
    const [edge, beyond] = await segmentQuery(keys, req.sort, segment, order, after, 2)
      .offset(left - 1)
      .execute();
    const whole = edge !== undefined && beyond === undefined && i === segments.length - 1;
    const until: Cursor | null =
      edge && !whole ? { v: segment === "nulls" ? null : cursorValue(edge.v), id: edge.id } : null;
    rows.push(...(await segmentQuery(base, req.sort, segment, order, after, want, until).execute()));
    if (until) {
      examined += left;
      return { rows, stoppedAt: rows.length > req.limit ? null : until, examined };
    }
    if (rows.length > req.limit || i === segments.length - 1) {
      examined += left; // an upper bound: the segment ended within the budget
      break;
    }
    // The segment ended within the budget: the next one gets what is left.
    const seen = (await segmentQuery(keys, req.sort, segment, order, after, left).execute()).length;
    examined += seen;
    left -= seen;
  }
  return { rows, stoppedAt: null, examined };
}
