// The ingest route's one call: the console's database plus the shared HTTP ingest handler. After
// an accepted import the alert worker is asked for a pass, so rules fire within moments.
import { nudgeAlerts } from "../alerts/alerts-worker";
import { getDb } from "../database";
import { handleIngestRequest } from "./http-ingest";

export async function postIngest(request: Request, kind: string): Promise<Response> {
  const response = await handleIngestRequest(getDb(), request, kind);
  if (response.ok) nudgeAlerts();
  return response;
}
