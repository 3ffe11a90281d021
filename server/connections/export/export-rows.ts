// Every row of a filtered list, in list order, read in keyset batches so that exporting a
// million rows holds one batch in memory at a time and never uses OFFSET.
import type { Cursor } from "../../pagination/cursor";
import type { ConnectionFilters } from "../list/filters.types";
import { cursorValue, readKeyset } from "../list/keyset";
import { connectionListQuery } from "../list/list-connections";
import type { ConnectionListRow, SortColumn } from "../list/list.types";
import { toListRow } from "../list/list-row";
import type { TenantScope } from "../../scope/tenant-scope";
import { tagsFor } from "../../tags/connection-tags";

export const EXPORT_BATCH = 1000;

/** An exported row: the list's columns and the connection's tags. */
export type ExportRow = ConnectionListRow & { tags: string[] };

export interface ExportRequest {
  filters: ConnectionFilters;
  sort: SortColumn;
  dir: "asc" | "desc";
}

export async function* exportConnectionRows(
  scope: TenantScope,
  req: ExportRequest,
  now: number = Date.now(),
): AsyncGenerator<ExportRow> {
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
    const tags = await tagsFor(
      scope,
      batch.map((r) => r.id),
    );
    yield* batch.map((r) => ({ ...r, tags: tags.get(r.id) ?? [] }));
    const last: ConnectionListRow | undefined = batch.at(-1);
    if (fetched.length <= EXPORT_BATCH || !last) return;
    cursor = { v: cursorValue(last[req.sort]), id: last.id };
  }
}
