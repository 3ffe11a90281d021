// Streamed CSV or JSON of the whole filtered connections list (not just the page), with the
// table's own URL parameters and the same tenant scoping as the list.
import { filtersFromUrlState, loadListUrlState } from "@/lib/list-url-state";
import { getDb } from "@/server/database";
import { getSessionUser } from "@/server/auth/get-session-user";
import { exportConnectionsResponse } from "@/server/connections/export/export-response";
import { ZConnectionFiltersSchema } from "@/server/connections/list/filters.types";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  const user = await getSessionUser();
  if (!user) return Response.json({ error: "Sign in to continue." }, { status: 401 });
  const url = new URL(request.url);
  const state = loadListUrlState(url.searchParams);
  const filters = ZConnectionFiltersSchema.safeParse(filtersFromUrlState(state));
  if (!filters.success)
    return Response.json(
      { error: "Invalid filters.", issues: filters.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`) },
      { status: 400 },
    );
  const format = url.searchParams.get("format") === "json" ? "json" : "csv";
  return exportConnectionsResponse(getDb(), user, { filters: filters.data, sort: state.sort, dir: state.dir }, format);
}
