// CSV download of the audit log with the page's filters, tenant-scoped like the page.
import { auditCsvResponse } from "@/server/audit/audit-csv-response";
import { getSessionUser } from "@/server/auth/get-session-user";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  const user = await getSessionUser();
  if (!user) return Response.json({ error: "Sign in to continue." }, { status: 401 });
  return auditCsvResponse(user, new URL(request.url).searchParams);
}
