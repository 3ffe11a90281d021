// The console's platform-facing HTTP surface on a real local port, for tests that act as a
// platform and a customer over the network: REST v1, the public relink start and callback, and
// the sandbox OAuth provider's consent decision and token endpoint. Each path goes to the same
// handler its Next route calls; only the framework around them is replaced by node:http.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { NextRequest } from "next/server";
import type { DB } from "../../../db";
import { handleRelinkCallback, handleRelinkStart } from "../../oauth/http-handlers";
import { handleSandboxDecision, handleSandboxTokenRequest } from "../../sandbox-oauth/http-handlers";
import { handleRestRequest } from "../handle-rest-request";

export interface ConsoleHttp {
  origin: string;
  close(): Promise<void>;
}

async function route(db: DB, origin: string, request: NextRequest): Promise<Response> {
  const { pathname } = request.nextUrl;
  if (pathname.startsWith("/api/v1/")) return handleRestRequest(db, request, origin);
  const start = /^\/link\/([^/]+)\/start$/.exec(pathname);
  if (start?.[1] && request.method === "POST") return handleRelinkStart(request, decodeURIComponent(start[1]), db);
  if (pathname === "/link/callback" && request.method === "GET") return handleRelinkCallback(request, db);
  // The sandbox handlers read the process's database (getDb): the caller points it at `db`.
  if (pathname === "/sandbox-oauth/authorize/decision" && request.method === "POST")
    return handleSandboxDecision(request);
  if (pathname === "/sandbox-oauth/token" && request.method === "POST") return handleSandboxTokenRequest(request);
  return new Response("Not found", { status: 404 });
}

/** Listens on 127.0.0.1 (a free port); `origin` is what PUBLIC_URL must be set to. */
export async function startConsoleHttp(db: DB): Promise<ConsoleHttp> {
  let origin = "";
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const headers = new Headers();
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
      const hasBody = req.method !== "GET" && req.method !== "HEAD";
      const request = new NextRequest(`${origin}${req.url ?? "/"}`, {
        method: req.method,
        headers,
        body: hasBody ? Buffer.concat(chunks) : undefined,
      });
      route(db, origin, request)
        .then(async (response) => {
          const out: Record<string, string | string[]> = {};
          response.headers.forEach((value, key) => {
            if (key !== "set-cookie") out[key] = value;
          });
          const cookies = response.headers.getSetCookie();
          if (cookies.length > 0) out["set-cookie"] = cookies;
          res.writeHead(response.status, out);
          res.end(Buffer.from(await response.arrayBuffer()));
        })
        .catch((error: unknown) => {
          res.writeHead(500, { "content-type": "text/plain" });
          res.end(error instanceof Error ? error.message : String(error));
        });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
