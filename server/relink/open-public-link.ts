// What GET /link/<token> answers, and with which HTTP status. A page cannot set its status, so
// the request is answered in two halves that share one decision (linkPageFor):
//  - proxy.ts calls openPublicLink: rate limit per client address, note the first opening of a
//    usable link, and rewrite to the page with the status (404 unknown; 410 expired, used or
//    revoked; 429 rate limited; 200 otherwise);
//  - the page calls readLinkPage: the same answer, read-only, to render.
// No "server-only" here: the proxy imports this module.
import type { DB } from "../../db";
import { getDb } from "../database";
import { hitRateLimit, LINK_RATE_LIMIT } from "./rate-limit";
import { markLinkOpened, readPublicLink, type PublicLinkView } from "./public-link";

/** Set by the proxy on a rate-limited request (seconds to wait); removed from every other request. */
export const LINK_RETRY_AFTER_HEADER = "x-console-link-retry-after";

export type OpenLinkView = Extract<PublicLinkView, { state: "open" }>;

export type LinkPage =
  | { kind: "open"; status: 200; view: OpenLinkView }
  | { kind: "connected"; status: 200 }
  | { kind: "unknown"; status: 404 }
  | { kind: "expired" | "used" | "revoked"; status: 410 }
  | { kind: "rate-limited"; status: 429; retryAfterSeconds: number };

/**
 * `completedHere`: this browser holds the sealed proof that it finished this link's flow (the
 * callback sets it). Only then does a used link read as "you're reconnected"; a `?done=1` typed
 * or shared by anyone else gets the plain "already used" page.
 */
export function linkPageFor(view: PublicLinkView, completedHere: boolean): LinkPage {
  switch (view.state) {
    case "open":
      return { kind: "open", status: 200, view };
    case "unknown":
      return { kind: "unknown", status: 404 };
    case "used":
      return completedHere ? { kind: "connected", status: 200 } : { kind: "used", status: 410 };
    case "expired":
    case "revoked":
      return { kind: view.state, status: 410 };
  }
}

/** The proxy's half: counts the request against the client's limit and records the first opening. */
export async function openPublicLink(
  db: DB,
  token: string,
  client: { address: string; completedHere: boolean },
  now = Date.now(),
): Promise<LinkPage> {
  const limit = await hitRateLimit(db, "link-page", client.address, LINK_RATE_LIMIT, now);
  if (!limit.allowed) return { kind: "rate-limited", status: 429, retryAfterSeconds: limit.retryAfterSeconds };
  const view = await readPublicLink(db, token);
  if (view.state === "open") await markLinkOpened(db, view.linkId);
  return linkPageFor(view, client.completedHere);
}

/** The page's half: what to render, without counting the request a second time. */
export async function readLinkPage(token: string, completedHere: boolean, db: DB = getDb()): Promise<LinkPage> {
  return linkPageFor(await readPublicLink(db, token), completedHere);
}
