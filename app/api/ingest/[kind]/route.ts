// Ingest API: POST /api/ingest/{connections|runs|errors}?format=codat|unified|dto|schema
// with Authorization: Bearer <api key>. See docs/INGEST.md.
import { guardedRoute } from "@/server/http/guarded-route";
import { postIngest } from "@/server/ingest/ingest-endpoint";

export const POST = guardedRoute(
  "ingest",
  async (request: Request, { params }: { params: Promise<{ kind: string }> }): Promise<Response> => {
    const { kind } = await params;
    return postIngest(request, kind);
  },
);
