// The provider's redirect back: check the issuer and state, exchange the code with the PKCE
// verifier, then complete the relink in one transaction. A denial or a provider failure leaves
// the link untouched, so the customer can try again until it expires.
//
// The issuer and token endpoint are the integration's configuration (provider.ts) on the
// configured public origin; nothing in the callback request chooses them. An `iss` that names any
// other server is refused before any token request is made (RFC 9207, mix-up defence).
import * as oauth from "oauth4webapi";
import type { DB } from "../../db";
import { log } from "../log";
import { consumeRelinkToken } from "../relink/consume-link";
import { readPublicLink } from "../relink/public-link";
import type { RelinkFlow } from "./flow-cookie";
import { providerForToken } from "./link-provider";
import { resolveOAuthProvider } from "./provider";

export type FinishResult =
  { kind: "connected" | "denied" | "failed" | "unusable"; token: string } | { kind: "no-flow" };

export async function finishRelinkFlow(
  db: DB,
  callbackParams: URLSearchParams,
  flow: RelinkFlow | null,
): Promise<FinishResult> {
  if (!flow) return { kind: "no-flow" };
  const token = flow.token;
  const providerSlug = await providerForToken(db, token);
  if ((await readPublicLink(db, token)).state !== "open" || !providerSlug) return { kind: "unusable", token };
  try {
    const provider = await resolveOAuthProvider(db, providerSlug);
    const options = { [oauth.allowInsecureRequests]: provider.allowHttp };
    const issuer = callbackParams.get("iss");
    if (issuer !== null && issuer !== provider.as.issuer) {
      log.warn({ provider: providerSlug }, "relink: callback names another issuer; refused before any token request");
      return { kind: "failed", token };
    }
    let params: URLSearchParams;
    try {
      params = oauth.validateAuthResponse(provider.as, provider.client, callbackParams, flow.state);
    } catch (error) {
      if (error instanceof oauth.AuthorizationResponseError && error.error === "access_denied")
        return { kind: "denied", token };
      return { kind: "failed", token };
    }
    const response = await oauth.authorizationCodeGrantRequest(
      provider.as,
      provider.client,
      provider.clientAuth,
      params,
      provider.redirectUri,
      flow.verifier,
      options,
    );
    const tokens = await oauth.processAuthorizationCodeResponse(provider.as, provider.client, response);
    const result = await consumeRelinkToken(db, token, {
      credentials: { ...tokens, obtained_at: new Date().toISOString() },
      scopes: tokens.scope ? tokens.scope.split(" ").filter(Boolean) : provider.scopes,
      expiresInSeconds: authLifetimeSeconds(tokens),
    });
    return { kind: result.ok ? "connected" : "unusable", token };
  } catch (error) {
    log.error({ provider: providerSlug, err: error }, "relink: provider exchange failed");
    return { kind: "failed", token };
  }
}

/**
 * How long until the customer must re-authorise: the refresh token's lifetime when the provider
 * states it (refresh_token_expires_in, or Intuit's x_refresh_token_expires_in), otherwise the
 * access token's. An access token that can refresh itself is not what expires the connection.
 */
export function authLifetimeSeconds(tokens: oauth.TokenEndpointResponse): number | null {
  for (const key of ["refresh_token_expires_in", "x_refresh_token_expires_in"]) {
    const value = tokens[key];
    if (typeof value === "number" && value > 0) return value;
  }
  return typeof tokens.expires_in === "number" ? tokens.expires_in : null;
}
