// The customer's side of a relink, driven against the built-in sandbox provider without a browser:
// start the flow for a token (sealed cookie + authorize URL), let the sandbox approve it (a code),
// and build the callback's query string. The token request the console makes is routed to the
// sandbox's handler instead of the network.
import { vi } from "vitest";
import type { DB } from "../../db";
import { publicOrigin } from "../http/public-origin";
import { openFlow, type RelinkFlow } from "../oauth/flow-cookie";
import { startRelinkFlow } from "../oauth/start-relink-flow";
import { checkAuthorizeRequest, redirectWith, type AuthorizeParams } from "../sandbox-oauth/authorize-request";
import { issueSandboxCode } from "../sandbox-oauth/codes";
import { handleSandboxToken } from "../sandbox-oauth/token-endpoint";
import { sandboxIssuer } from "../sandbox-oauth/urls";

export interface StartedFlow {
  token: string;
  /** the sealed cookie value the browser holds */
  cookie: string;
  flow: RelinkFlow;
  params: AuthorizeParams;
}

/** Sends every outbound fetch (the console's token request) to the sandbox token endpoint. */
export function routeTokenRequestsToSandbox(db: DB): void {
  vi.stubGlobal("fetch", async (_input: RequestInfo | URL, init?: RequestInit) => {
    const sent = init?.body;
    const body = new URLSearchParams(sent instanceof URLSearchParams || typeof sent === "string" ? sent : "");
    const result = await handleSandboxToken(db, body);
    return new Response(JSON.stringify(result.body), {
      status: result.status,
      headers: { "content-type": "application/json" },
    });
  });
}

export async function startFlow(db: DB, token: string): Promise<StartedFlow> {
  const started = await startRelinkFlow(db, token);
  if (started.kind !== "redirect") throw new Error(`flow did not start: ${started.kind}`);
  const authorize = new URL(started.location);
  const check = await checkAuthorizeRequest(db, Object.fromEntries(authorize.searchParams), publicOrigin());
  if (!check.ok) throw new Error(check.message);
  const flow = openFlow(started.cookie);
  if (!flow) throw new Error("unreadable flow cookie");
  return { token, cookie: started.cookie, flow, params: check.params };
}

/** The sandbox approves: the query string the provider sends the browser back with. */
export async function approvedCallback(db: DB, started: StartedFlow): Promise<URLSearchParams> {
  const code = await issueSandboxCode(db, started.params, false);
  return new URL(redirectWith(started.params, sandboxIssuer(publicOrigin()), { code })).searchParams;
}
