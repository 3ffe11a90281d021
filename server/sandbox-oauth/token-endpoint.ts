// POST /sandbox-oauth/token: the authorization_code grant only. Returns the status and JSON
// body for the route handler to send. SANDBOX_OAUTH_FAIL=token (or the consent page's test
// switch) makes it fail, so the console's failure path can be exercised end to end.
import { randomBytes } from "node:crypto";
import type { DB } from "../../db";
import { exchangeSandboxCode } from "./codes";

export interface TokenResponse {
  status: number;
  body: Record<string, string | number>;
}

const oauthError = (status: number, error: string, description: string): TokenResponse => ({
  status,
  body: { error, error_description: description },
});

export async function handleSandboxToken(db: DB, form: URLSearchParams): Promise<TokenResponse> {
  if (form.get("grant_type") !== "authorization_code")
    return oauthError(400, "unsupported_grant_type", "Only authorization_code is supported.");
  const code = form.get("code");
  const clientId = form.get("client_id");
  const redirectUri = form.get("redirect_uri");
  const codeVerifier = form.get("code_verifier");
  if (!code || !clientId || !redirectUri || !codeVerifier)
    return oauthError(400, "invalid_request", "code, client_id, redirect_uri and code_verifier are required.");
  const result = await exchangeSandboxCode(db, { code, clientId, redirectUri, codeVerifier });
  if (!result.ok)
    return oauthError(
      400,
      "invalid_grant",
      "The code is invalid, expired, already used, or the PKCE verifier does not match.",
    );
  // Read here rather than in env.ts: a test-only switch of the sandbox, not app configuration.
  if (result.failToken || process.env.SANDBOX_OAUTH_FAIL === "token")
    return oauthError(503, "temporarily_unavailable", "The sandbox was asked to fail.");
  return {
    status: 200,
    body: {
      access_token: `sbx_at_${randomBytes(24).toString("base64url")}`,
      refresh_token: `sbx_rt_${randomBytes(24).toString("base64url")}`,
      token_type: "Bearer",
      expires_in: 3600,
      // Like Xero or Intuit: the refresh token outlives the access token by far.
      refresh_token_expires_in: 90 * 86_400,
      scope: result.scope,
    },
  };
}
