// The REST route's one call: the console's database and configured public origin, plus the handler.
import { getDb } from "../database";
import { publicOrigin } from "../http/public-origin";
import { handleRestRequest } from "./handle-rest-request";

export function serveRest(request: Request): Promise<Response> {
  return handleRestRequest(getDb(), request, publicOrigin());
}
