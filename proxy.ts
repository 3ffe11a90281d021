// Runs before every page: security headers with a fresh CSP nonce, the sign-in gate for console
// pages, and the HTTP status of the public relink page (which a page cannot set itself).
// API routes are not matched: each authenticates itself and answers 401 JSON (server/http/page-access.ts).
import { NextResponse, type NextRequest } from "next/server";
import { sessionUserFromCookies } from "./server/auth/session-cookie";
import { getDb } from "./server/database";
import { authSecret } from "./server/env";
import { clientAddress } from "./server/http/client-address";
import { needsSignIn, publicLinkToken } from "./server/http/page-access";
import { publicOrigin, publicOriginIsHttps } from "./server/http/public-origin";
import { contentSecurityPolicy, newNonce, pageSecurityHeaders } from "./server/http/security-headers";
import { completedHere, DONE_COOKIE } from "./server/oauth/flow-cookie";
import { LINK_RETRY_AFTER_HEADER, openPublicLink } from "./server/relink/open-public-link";

async function signedIn(request: NextRequest, https: boolean): Promise<boolean> {
  // The __Secure- cookie name when the origin is https, as next-auth does; the same decryption
  // (with the key derived once) as every page and API route.
  return (await sessionUserFromCookies(request.cookies.getAll(), authSecret(), https)) !== null;
}

/** Counts the visit, notes the first opening, and answers with the link's status (404/410/429/200). */
async function publicLinkPage(request: NextRequest, token: string, forwarded: Headers): Promise<NextResponse> {
  const page = await openPublicLink(getDb(), token, {
    address: clientAddress(request.headers),
    completedHere:
      request.nextUrl.searchParams.get("done") === "1" && completedHere(request.cookies.get(DONE_COOKIE)?.value, token),
  });
  if (page.kind === "rate-limited") forwarded.set(LINK_RETRY_AFTER_HEADER, String(page.retryAfterSeconds));
  const response = NextResponse.rewrite(request.nextUrl, { status: page.status, request: { headers: forwarded } });
  if (page.kind === "rate-limited") response.headers.set("Retry-After", String(page.retryAfterSeconds));
  response.headers.set("Cache-Control", "no-store");
  return response;
}

export async function proxy(request: NextRequest): Promise<NextResponse> {
  const origin = publicOrigin();
  const https = publicOriginIsHttps(origin);
  const { pathname, search } = request.nextUrl;
  const nonce = newNonce();
  const policy = {
    nonce,
    https,
    development: process.env.NODE_ENV === "development",
    formsLeaveSite: pathname.startsWith("/link/"),
  };
  const withHeaders = (response: NextResponse) => {
    for (const [name, value] of pageSecurityHeaders(policy)) response.headers.set(name, value);
    return response;
  };

  if (needsSignIn(pathname) && !(await signedIn(request, https))) {
    const login = new URL("/login", origin);
    login.searchParams.set("callbackUrl", `${pathname}${search}`);
    return withHeaders(NextResponse.redirect(login));
  }

  // Next reads the nonce from the request's CSP header and stamps its own scripts with it.
  const forwarded = new Headers(request.headers);
  forwarded.set("x-nonce", nonce);
  forwarded.set("content-security-policy", contentSecurityPolicy(policy));
  forwarded.delete(LINK_RETRY_AFTER_HEADER);
  const token = request.method === "GET" || request.method === "HEAD" ? publicLinkToken(pathname) : null;
  if (token !== null) return withHeaders(await publicLinkPage(request, token, forwarded));
  return withHeaders(NextResponse.next({ request: { headers: forwarded } }));
}

export const config = {
  matcher: ["/((?!api/|_next/static/|_next/image|favicon.ico).*)"],
};
