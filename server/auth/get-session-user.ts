import "server-only";
import { getServerSession } from "next-auth";
import { authOptions } from "./options";
import type { SessionUser } from "./session-user";

/** The signed-in user for server components and route handlers, or null. */
export async function getSessionUser(): Promise<SessionUser | null> {
  const session = await getServerSession(authOptions());
  return session?.user?.id ? session.user : null;
}
