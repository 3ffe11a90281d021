// One id per request, shown to the client on an internal error and written beside the detail in
// the log, so support can find the one from the other.
//
// The id is always generated here. A client-sent X-Request-Id is never used as the id (a client
// could otherwise make two requests share an id, or write arbitrary text into log lines); when it
// is a short safe token it is kept as `clientRequestId` beside ours, for correlation only.
import { randomBytes } from "node:crypto";

/** 12 random bytes as 16 base64url characters: unguessable, short enough to read out. */
export function newRequestId(): string {
  return randomBytes(12).toString("base64url");
}

const SAFE_CLIENT_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/** The client's own id when it is a short token of safe characters; otherwise null. */
export function clientRequestId(headers: Headers): string | null {
  const sent = headers.get("x-request-id");
  return sent !== null && SAFE_CLIENT_ID.test(sent) ? sent : null;
}

/** The ids of one request, for log lines. */
export function requestIds(headers: Headers): { requestId: string; clientRequestId?: string } {
  const client = clientRequestId(headers);
  return client === null ? { requestId: newRequestId() } : { requestId: newRequestId(), clientRequestId: client };
}

// The request id of an error object. tRPC's HTTP handler calls onError (which knows the request)
// before the error formatter (which does not), with the same error object: onError binds the id,
// the formatter reads it. A WeakMap leaves the error untouched and is collected with it.
const byError = new WeakMap<object, string>();

export function bindRequestId(error: object, requestId: string): void {
  byError.set(error, requestId);
}

export function requestIdOf(error: object): string | undefined {
  return byError.get(error);
}
