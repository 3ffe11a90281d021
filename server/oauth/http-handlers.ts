// The HTTP side of the public relink flow, so the route files stay one line each:
// rate limit per client address, start (POST /link/<token>/start) and callback (GET /link/callback).
// Every absolute URL here is on the configured public origin; the request's Host and
// X-Forwarded-* headers choose nothing.
import "server-only";
import { NextResponse, type NextRequest } from "next/server";
import type { DB } from "../../db";
import { getDb } from "../database";
import { clientAddress } from "../http/client-address";
import { publicOrigin } from "../http/public-origin";
import { hitRateLimit, LINK_RATE_LIMIT } from "../relink/rate-limit";
import { DONE_COOKIE, FLOW_COOKIE, flowCookieOptions, openFlow, sealDone } from "./flow-cookie";
import { finishRelinkFlow, type FinishResult } from "./finish-relink-flow";
import { startRelinkFlow } from "./start-relink-flow";

function tooManyRequests(retryAfter: number): Response {
  const html = `<!doctype html><meta charset="utf-8"><title>Too many requests</title><body style="font-family:system-ui;max-width:32rem;margin:4rem auto;padding:0 1rem"><h1>Too many requests</h1><p>There were too many attempts from your network. Try again in ${retryAfter} s, then open your link again.</p></body>`;
  return new Response(html, {
    status: 429,
    headers: {
      "content-type": "text/html; charset=utf-8",
      "retry-after": String(retryAfter),
      "cache-control": "no-store",
    },
  });
}

async function limited(db: DB, request: NextRequest, bucket: string): Promise<Response | null> {
  const result = await hitRateLimit(db, bucket, clientAddress(request.headers), LINK_RATE_LIMIT);
  return result.allowed ? null : tooManyRequests(result.retryAfterSeconds);
}

const to = (path: string) => NextResponse.redirect(new URL(path, publicOrigin()), 303);
const linkPage = (token: string, query = "") => `/link/${encodeURIComponent(token)}${query}`;

export async function handleRelinkStart(request: NextRequest, token: string, db: DB = getDb()): Promise<Response> {
  const refused = await limited(db, request, "link-start");
  if (refused) return refused;
  const result = await startRelinkFlow(db, token);
  if (result.kind === "unusable") return to(linkPage(token));
  if (result.kind === "unavailable") return to(linkPage(token, "?problem=failed"));
  const response = NextResponse.redirect(result.location, 303);
  response.cookies.set(FLOW_COOKIE, result.cookie, flowCookieOptions(publicOrigin()));
  return response;
}

function pathAfter(result: FinishResult): string {
  switch (result.kind) {
    case "no-flow":
      return "/link/problem";
    case "connected":
      return linkPage(result.token, "?done=1");
    case "unusable":
      return linkPage(result.token);
    case "denied":
    case "failed":
      return linkPage(result.token, `?problem=${result.kind}`);
  }
}

export async function handleRelinkCallback(request: NextRequest, db: DB = getDb()): Promise<Response> {
  const refused = await limited(db, request, "link-callback");
  if (refused) return refused;
  const flow = openFlow(request.cookies.get(FLOW_COOKIE)?.value);
  const result = await finishRelinkFlow(db, request.nextUrl.searchParams, flow);
  const response = to(pathAfter(result));
  const cookie = flowCookieOptions(publicOrigin());
  response.cookies.set(FLOW_COOKIE, "", { ...cookie, maxAge: 0 });
  // Only the browser that finished the flow may be told it succeeded (the page checks this).
  if (result.kind === "connected") response.cookies.set(DONE_COOKIE, sealDone(result.token), cookie);
  return response;
}
