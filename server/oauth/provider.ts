// Which OAuth 2 authorization server re-authorises a provider's connections. The integration
// row decides: the built-in sandbox (use_sandbox = 1), or the configured authorize/token URLs
// and client credentials of a real provider. A real provider is configuration, not code.
// The sandbox's issuer and our redirect URI sit on the configured public origin: no request
// header can move the token endpoint, the issuer or the callback elsewhere.
import * as oauth from "oauth4webapi";
import type { DB } from "../../db";
import { decryptSecret } from "../crypto";
import { isProduction, sandboxOAuthEnabled } from "../env";
import { publicOrigin } from "../http/public-origin";
import { parseJsonArray } from "../relink/json-array";
import { sandboxIssuer } from "../sandbox-oauth/urls";

export interface OAuthProvider {
  as: oauth.AuthorizationServer;
  client: oauth.Client;
  clientAuth: oauth.ClientAuth;
  scopes: string[];
  redirectUri: string;
  /** Plain-http endpoints are allowed only outside production (the sandbox on localhost). */
  allowHttp: boolean;
}

export class ProviderNotConfiguredError extends Error {}

export function relinkCallbackUrl(origin: string): string {
  return `${origin.replace(/\/$/, "")}/link/callback`;
}

export async function resolveOAuthProvider(db: DB, provider: string): Promise<OAuthProvider> {
  const origin = publicOrigin();
  const row = await db.selectFrom("integrations").selectAll().where("provider", "=", provider).executeTakeFirst();
  if (!row || row.auth_kind !== "oauth2" || !row.client_id)
    throw new ProviderNotConfiguredError(`No OAuth 2 configuration for ${provider}.`);
  const redirectUri = relinkCallbackUrl(origin);
  const scopes = parseJsonArray(row.scopes);
  const clientAuth = row.client_secret_encrypted
    ? oauth.ClientSecretPost(decryptSecret(row.client_secret_encrypted))
    : oauth.None();
  if (row.use_sandbox) {
    if (!sandboxOAuthEnabled()) throw new ProviderNotConfiguredError("The sandbox OAuth provider is switched off.");
    const issuer = sandboxIssuer(origin);
    return {
      as: {
        issuer,
        authorization_endpoint: `${issuer}/authorize`,
        token_endpoint: `${issuer}/token`,
        authorization_response_iss_parameter_supported: true,
      },
      client: { client_id: row.client_id },
      clientAuth,
      scopes,
      redirectUri,
      allowHttp: !isProduction(),
    };
  }
  if (!row.authorize_url || !row.token_url)
    throw new ProviderNotConfiguredError(`${provider} has no authorize/token URL configured.`);
  return {
    as: {
      issuer: new URL(row.authorize_url).origin,
      authorization_endpoint: row.authorize_url,
      token_endpoint: row.token_url,
    },
    client: { client_id: row.client_id },
    clientAuth,
    scopes,
    redirectUri,
    allowHttp: !isProduction(),
  };
}
