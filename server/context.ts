import "server-only";
import { getDb } from "./database";
import { getSessionUser } from "./auth/get-session-user";
import { createTRPCContext, type Context } from "./trpc";

export function originOf(headers: Headers): string {
  const host = headers.get("x-forwarded-host") ?? headers.get("host") ?? "localhost:3000";
  const proto =
    headers.get("x-forwarded-proto") ?? (host.startsWith("localhost") || host.startsWith("127.") ? "http" : "https");
  return process.env.PUBLIC_BASE_URL ?? `${proto}://${host}`;
}

/** Context for HTTP calls and server components: the database and the signed-in user. */
export async function createContext(headers: Headers): Promise<Context> {
  return createTRPCContext(getDb(), await getSessionUser(), originOf(headers));
}
