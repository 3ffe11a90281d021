// A sign-in attempt while the lockout holds is answered 429 with Retry-After before next-auth
// runs, in the shape next-auth's client expects ({ url } carrying ?error=), so the form shows
// the message and scripts see the status.
import type { DB } from "../../db";
import { getDb } from "../database";
import { clientAddress } from "../http/client-address";
import { publicOrigin } from "../http/public-origin";
import { lockedMessage, signInLock } from "./sign-in";

export async function refuseLockedSignIn(request: Request, db: DB = getDb()): Promise<Response | null> {
  if (request.method !== "POST" || !new URL(request.url).pathname.endsWith("/callback/credentials")) return null;
  const form = await request
    .clone()
    .formData()
    .catch(() => null);
  const email = form?.get("email");
  if (typeof email !== "string" || email.trim() === "") return null;
  const lock = await signInLock(db, email, clientAddress(request.headers));
  if (lock.delayMs !== Number.POSITIVE_INFINITY) return null;
  const message = lockedMessage(lock.retryAfterSeconds);
  const login = new URL("/login", publicOrigin());
  login.searchParams.set("error", message);
  return Response.json(
    { url: login.toString(), error: message },
    { status: 429, headers: { "retry-after": String(lock.retryAfterSeconds), "cache-control": "no-store" } },
  );
}
