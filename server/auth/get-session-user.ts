import "server-only";
import { cookies } from "next/headers";
import { cache } from "react";
import { authSecret } from "../env";
import { publicOriginIsHttps } from "../http/public-origin";
import { sessionUserFromCookies } from "./session-cookie";
import type { SessionUser } from "./session-user";

/**
 * The signed-in user for server components and route handlers, or null. Decrypted once per
 * render (a page's layout, page and tRPC caller all ask) rather than once per asker.
 */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const jar = await cookies();
  return sessionUserFromCookies(jar.getAll(), authSecret(), publicOriginIsHttps());
});
