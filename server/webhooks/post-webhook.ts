// One HTTP POST of a webhook: through the address guard, with a deadline, reading at most
// MAX_RESPONSE_BYTES of the answer, never following a redirect (a 3xx is a failed attempt).
import http from "node:http";
import https from "node:https";
import { checkLiteralHost, guardedLookup } from "./address-guard";

export interface PostOptions {
  timeoutMs: number;
  maxResponseBytes: number;
  snippetChars: number;
  allowPrivate: boolean;
}

export interface PostResult {
  ok: boolean;
  statusCode: number | null;
  durationMs: number;
  snippet: string | null;
  error: string | null;
}

// Kept-alive sockets per address policy: a socket opened where private addresses are allowed
// is never reused where they are not.
const agents = new Map<string, http.Agent>();
function agentFor(protocol: "http:" | "https:", allowPrivate: boolean): http.Agent {
  const key = `${protocol}${allowPrivate}`;
  let agent = agents.get(key);
  if (!agent) {
    const options = { keepAlive: true, noDelay: true, maxSockets: 32, lookup: guardedLookup(allowPrivate) };
    agent = protocol === "https:" ? new https.Agent(options) : new http.Agent(options);
    agents.set(key, agent);
  }
  return agent;
}

/** Where a webhook may go: an http(s) URL whose literal host, if any, passes the guard. */
function target(url: string, allowPrivate: boolean): URL {
  const parsed = new URL(url);
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") throw new Error("Only http(s) URLs are allowed.");
  checkLiteralHost(parsed.hostname, allowPrivate);
  return parsed;
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

export async function postWebhook(
  url: string,
  headers: Record<string, string>,
  body: string,
  options: PostOptions,
): Promise<PostResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  let to: URL;
  try {
    to = target(url, options.allowPrivate);
  } catch (error) {
    return { ok: false, statusCode: null, durationMs: elapsed(), snippet: null, error: message(error) };
  }
  const protocol = to.protocol === "https:" ? "https:" : "http:";
  return new Promise((resolve) => {
    let settled = false;
    const finish = (result: Omit<PostResult, "durationMs">) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ ...result, durationMs: elapsed() });
    };
    const fail = (error: unknown) => finish({ ok: false, statusCode: null, snippet: null, error: message(error) });
    const request = (protocol === "https:" ? https : http).request(to, {
      method: "POST",
      agent: agentFor(protocol, options.allowPrivate),
      headers: { ...headers, "content-length": String(Buffer.byteLength(body)) },
    });
    const timer = setTimeout(
      () => request.destroy(new Error(`No answer within ${options.timeoutMs / 1000} s.`)),
      options.timeoutMs,
    );
    request.on("error", fail);
    request.on("response", (response) => {
      const chunks: Buffer[] = [];
      let size = 0;
      const done = () => {
        const status = response.statusCode ?? 0;
        const ok = status >= 200 && status < 300;
        const text = Buffer.concat(chunks).toString("utf8").slice(0, options.snippetChars);
        finish({ ok, statusCode: status, snippet: text === "" ? null : text, error: ok ? null : `HTTP ${status}` });
      };
      response.on("data", (chunk: Buffer) => {
        if (size >= options.maxResponseBytes) return;
        chunks.push(chunk.subarray(0, options.maxResponseBytes - size));
        size += chunk.length;
        // Enough read: the status is known; the rest goes with the socket.
        if (size >= options.maxResponseBytes) {
          done();
          response.destroy();
        }
      });
      response.on("end", done);
      response.on("close", done);
    });
    request.end(body);
  });
}
