// The security suites call the REST API v1 through its route file, as a client would.
// The route file exports one handler under every method name; the Request carries the method.
import { GET as restRoute } from "@/app/api/v1/[...path]/route";
import type { RestRequest } from "./rest-catalog";
import { ORIGIN } from "./trpc-http";

/** `rawBody`: sent as it is instead of `request.body` as JSON (a malformed body, say). */
export async function restAs(key: string | null, method: string, request: RestRequest, rawBody?: string) {
  const headers: Record<string, string> = {};
  if (key) headers.authorization = `Bearer ${key}`;
  const body = rawBody ?? (request.body === undefined ? undefined : JSON.stringify(request.body));
  if (body !== undefined) headers["content-type"] = "application/json";
  const response = await restRoute(new Request(`${ORIGIN}/api/v1${request.path}`, { method, headers, body }));
  return { status: response.status, text: await response.text() };
}
