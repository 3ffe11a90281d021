// The HTTP side of the public relink flow, so the route files stay one line each:
// rate limit per IP, start (POST /link/<token>/start) and callback (GET /link/callback).
import "server-only";
import { NextResponse, type NextRequest } from "next/server";
import { getDb } from "../database";
import { originOf } from "../context";
import { clientIp, hitRateLimit, LINK_RATE_LIMIT } from "../relink/rate-limit";
import { FLOW_COOKIE, flowCookieOptions, openFlow } from "./flow-cookie";
import { finishRelinkFlow } from "./finish-relink-flow";
import { startRelinkFlow } from "./start-relink-flow";

function tooManyRequests(retryAfter: number): Response {
  const html = `<!doctype html><meta charset="utf-8"><title>Please wait</title><body style="font-family:system-ui;max-width:32rem;margin:4rem auto;padding:0 1rem"><h1>Please wait a moment</h1><p>There were too many attempts from your network. Wait a minute, then open your link again.</p></body>`;
  return new Response(html, {
    status: 429,
    headers: {
      "content-type": "text/html; charset=utf-8",
      "retry-after": String(retryAfter),
      "cache-control": "no-store",
    },
  });
}

async function limited(request: NextRequest, bucket: string): Promise<Response | null> {
  const result = await hitRateLimit(getDb(), bucket, clientIp(request.headers), LINK_RATE_LIMIT);
  return result.allowed ? null : tooManyRequests(result.retryAfterSeconds);
}

const to = (origin: string, path: string) => NextResponse.redirect(new URL(path, origin), 303);

export async function handleRelinkStart(request: NextRequest, token: string): Promise<Response> {
  const refused = await limited(request, "link-start");
  if (refused) return refused;
  const origin = originOf(request.headers);
  const result = await startRelinkFlow(getDb(), token, origin);
  if (result.kind === "unusable") return to(origin, `/link/${encodeURIComponent(token)}`);
  if (result.kind === "unavailable") return to(origin, `/link/${encodeURIComponent(token)}?problem=failed`);
  const response = NextResponse.redirect(result.location, 303);
  response.cookies.set(FLOW_COOKIE, result.cookie, flowCookieOptions(origin));
  return response;
}

export async function handleRelinkCallback(request: NextRequest): Promise<Response> {
  const refused = await limited(request, "link-callback");
  if (refused) return refused;
  const origin = originOf(request.headers);
  const flow = openFlow(request.cookies.get(FLOW_COOKIE)?.value);
  const result = await finishRelinkFlow(getDb(), request.nextUrl.searchParams, flow, origin);
  const path =
    result.kind === "no-flow"
      ? "/link/problem"
      : `/link/${encodeURIComponent(result.token)}${result.kind === "connected" ? "?done=1" : result.kind === "unusable" ? "" : `?problem=${result.kind}`}`;
  const response = to(origin, path);
  response.cookies.set(FLOW_COOKIE, "", { ...flowCookieOptions(origin), maxAge: 0 });
  return response;
}
