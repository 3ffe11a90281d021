// GET /api/export/connections: the list's own URL parameters in, a streamed CSV or JSON out.
import { filtersFromUrlState, loadListUrlState } from "../../../lib/list-url-state";
import { ZConnectionFiltersSchema } from "../list/filters.types";
import type { TenantScope } from "../../scope/tenant-scope";
import { exportConnectionsResponse } from "./export-response";

export function handleConnectionsExport(scope: TenantScope, url: URL): Response {
  const state = loadListUrlState(url.searchParams);
  const filters = ZConnectionFiltersSchema.safeParse(filtersFromUrlState(state));
  if (!filters.success)
    return Response.json(
      { error: "Invalid filters.", issues: filters.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`) },
      { status: 400 },
    );
  const format = url.searchParams.get("format") === "json" ? "json" : "csv";
  return exportConnectionsResponse(scope, { filters: filters.data, sort: state.sort, dir: state.dir }, format);
}
