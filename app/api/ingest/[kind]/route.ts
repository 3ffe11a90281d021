// Ingest API: POST /api/ingest/{connections|runs|errors}?format=codat|unified|dto|schema
// with Authorization: Bearer <api key>. See docs/INGEST.md.
import { postIngest } from "@/server/ingest/ingest-endpoint";

export async function POST(request: Request, { params }: { params: Promise<{ kind: string }> }) {
  const { kind } = await params;
  return postIngest(request, kind);
}
