// Ingest API: POST /api/ingest/{connections|runs|errors}?format=codat|unified|dto|schema
// with Authorization: Bearer <api key>. See docs/INGEST.md.
import { getDb } from "@/db";
import { handleIngestRequest } from "@/server/ingest/http-ingest";

export async function POST(request: Request, { params }: { params: Promise<{ kind: string }> }) {
  const { kind } = await params;
  return handleIngestRequest(getDb(), request, kind);
}
