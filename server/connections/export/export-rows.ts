// Every row of a filtered list, in list order, read in keyset batches so that exporting a
// million rows holds one batch in memory at a time and never uses OFFSET.
import type { Cursor } from "../../pagination/cursor";
import type { ConnectionFilters } from "../list/filters.types";
import { cursorValue, readKeyset } from "../list/keyset";
import { connectionListQuery } from "../list/list-connections";
import type { ConnectionListRow, SortColumn } from "../list/list.types";
import { toListRow } from "../list/list-row";
import type { TenantScope } from "../../scope/tenant-scope";

export const EXPORT_BATCH = 1000;

export interface ExportRequest {
  filters: ConnectionFilters;
  sort: SortColumn;
  dir: "asc" | "desc";
}

export async function* exportConnectionRows(
  scope: TenantScope,
  req: ExportRequest,
  now: number = Date.now(),
): AsyncGenerator<ConnectionListRow> {
  const base = connectionListQuery(scope, req.filters, now, req.sort);
  let cursor: Cursor | null = null;
  for (;;) {
    const fetched = await readKeyset(base, {
      sort: req.sort,
      dir: req.dir,
      cursor,
      reverse: false,
      limit: EXPORT_BATCH,
    });
    const batch: ConnectionListRow[] = fetched.slice(0, EXPORT_BATCH).map(toListRow);
    yield* batch;
    const last: ConnectionListRow | undefined = batch.at(-1);
    if (fetched.length <= EXPORT_BATCH || !last) return;
    cursor = { v: cursorValue(last[req.sort]), id: last.id };
  }
}
