// Everything the public /link/<token> page does on the server: rate limit per IP, read what
// the link may show, and note the first opening of a usable link.
import "server-only";
import { getDb } from "../database";
import { clientIp, hitRateLimit, LINK_RATE_LIMIT } from "./rate-limit";
import { markLinkOpened, readPublicLink, type PublicLinkView } from "./public-link";

export type OpenedLinkView = PublicLinkView | { state: "rate-limited" };

export async function openPublicLink(token: string, headers: Headers): Promise<OpenedLinkView> {
  const db = getDb();
  const limit = await hitRateLimit(db, "link-page", clientIp(headers), LINK_RATE_LIMIT);
  if (!limit.allowed) return { state: "rate-limited" };
  const view = await readPublicLink(db, token);
  if (view.state === "open") await markLinkOpened(db, view.linkId);
  return view;
}
