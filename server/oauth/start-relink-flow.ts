// "Reconnect": builds the authorization request (code flow, PKCE S256, state) for a usable
// link and the sealed cookie that remembers it until the provider sends the customer back.
import * as oauth from "oauth4webapi";
import type { DB } from "../../db";
import { readPublicLink } from "../relink/public-link";
import { sealFlow } from "./flow-cookie";
import { providerForToken } from "./link-provider";
import { resolveOAuthProvider } from "./provider";

export type StartResult =
  { kind: "redirect"; location: string; cookie: string } | { kind: "unusable" } | { kind: "unavailable" };

export async function startRelinkFlow(db: DB, token: string): Promise<StartResult> {
  const view = await readPublicLink(db, token);
  const providerSlug = await providerForToken(db, token);
  if (view.state !== "open" || !providerSlug) return { kind: "unusable" };
  let provider;
  try {
    provider = await resolveOAuthProvider(db, providerSlug);
  } catch {
    return { kind: "unavailable" };
  }
  const state = oauth.generateRandomState();
  const verifier = oauth.generateRandomCodeVerifier();
  const url = new URL(provider.as.authorization_endpoint ?? "");
  url.searchParams.set("response_type", "code");
  url.searchParams.set("client_id", provider.client.client_id);
  url.searchParams.set("redirect_uri", provider.redirectUri);
  if (provider.scopes.length) url.searchParams.set("scope", provider.scopes.join(" "));
  url.searchParams.set("state", state);
  url.searchParams.set("code_challenge", await oauth.calculatePKCECodeChallenge(verifier));
  url.searchParams.set("code_challenge_method", "S256");
  return { kind: "redirect", location: url.toString(), cookie: sealFlow({ state, verifier, token }) };
}
