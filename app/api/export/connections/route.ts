// Streamed CSV or JSON of the whole filtered connections list (not just the page), with the
// table's own URL parameters and the same tenant scoping as the list.
import { handleConnectionsExport } from "@/server/connections/export/export-http";
import { guardedRoute } from "@/server/http/guarded-route";
import { sessionScope } from "@/server/scope/session-scope";

export const dynamic = "force-dynamic";

export const GET = guardedRoute("export.connections", async (request: Request): Promise<Response> => {
  const session = await sessionScope();
  if (!session) return Response.json({ error: "Sign in to continue." }, { status: 401 });
  return handleConnectionsExport(session.scope, new URL(request.url));
});
