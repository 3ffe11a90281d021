// CSV download of the audit log with the page's filters, tenant-scoped like the page.
import { auditCsvResponse } from "@/server/audit/audit-csv-response";
import { guardedRoute } from "@/server/http/guarded-route";
import { sessionScope } from "@/server/scope/session-scope";

export const dynamic = "force-dynamic";

export const GET = guardedRoute("export.audit", async (request: Request): Promise<Response> => {
  const session = await sessionScope();
  if (!session) return Response.json({ error: "Sign in to continue." }, { status: 401 });
  return auditCsvResponse(session.scope, new URL(request.url).searchParams);
});
