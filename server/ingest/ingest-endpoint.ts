// The ingest route's one call: the console's database plus the shared HTTP ingest handler.
import { getDb } from "../database";
import { handleIngestRequest } from "./http-ingest";

export function postIngest(request: Request, kind: string): Promise<Response> {
  return handleIngestRequest(getDb(), request, kind);
}
