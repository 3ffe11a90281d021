// The sandbox provider's HTTP endpoints (consent decision and token). 404 when switched off,
// exactly as if the routes did not exist.
import "server-only";
import { NextResponse, type NextRequest } from "next/server";
import { getDb } from "../database";
import { sandboxOAuthEnabled } from "../env";
import { publicOrigin } from "../http/public-origin";
import { checkAuthorizeRequest, redirectWith } from "./authorize-request";
import { issueSandboxCode } from "./codes";
import { handleSandboxToken } from "./token-endpoint";
import { sandboxIssuer } from "./urls";

const notFound = () => new Response("Not found", { status: 404 });

/** POST /sandbox-oauth/authorize/decision: the consent form's Approve / Deny. */
export async function handleSandboxDecision(request: NextRequest): Promise<Response> {
  if (!sandboxOAuthEnabled()) return notFound();
  const form = await request.formData();
  const raw = Object.fromEntries([...form.entries()].filter((e): e is [string, string] => typeof e[1] === "string"));
  const origin = publicOrigin();
  const check = await checkAuthorizeRequest(getDb(), raw, origin);
  if (!check.ok) return new Response(check.message, { status: 400 });
  const issuer = sandboxIssuer(origin);
  const decision = raw.decision;
  if (decision !== "approve" && decision !== "approve-fail-token") {
    return NextResponse.redirect(
      redirectWith(check.params, issuer, { error: "access_denied", error_description: "The user denied access." }),
      303,
    );
  }
  const code = await issueSandboxCode(getDb(), check.params, decision === "approve-fail-token");
  return NextResponse.redirect(redirectWith(check.params, issuer, { code }), 303);
}

/** POST /sandbox-oauth/token */
export async function handleSandboxTokenRequest(request: NextRequest): Promise<Response> {
  if (!sandboxOAuthEnabled()) return notFound();
  const form = new URLSearchParams(await request.text());
  const result = await handleSandboxToken(getDb(), form);
  return NextResponse.json(result.body, {
    status: result.status,
    headers: { "cache-control": "no-store", pragma: "no-cache" },
  });
}
