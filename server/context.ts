import "server-only";
import { getSessionUser } from "./auth/get-session-user";
import { getDb } from "./database";
import { publicOrigin } from "./http/public-origin";
import { createTRPCContext, type Context } from "./trpc";

/**
 * Context for HTTP calls and server components: the database, the signed-in user and the
 * configured public origin. Nothing here is read from the request's headers: the origin that
 * relink links carry is configuration (server/http/public-origin.ts), never Host or X-Forwarded-*.
 */
export async function createContext(): Promise<Context> {
  return createTRPCContext(getDb(), await getSessionUser(), publicOrigin());
}
