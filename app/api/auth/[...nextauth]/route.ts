import NextAuth from "next-auth";
import { refuseLockedSignIn } from "@/server/auth/locked-sign-in";
import { authOptions } from "@/server/auth/options";

// Built per request so that secrets are read at run time, not at build time.
type RouteContext = { params: Promise<{ nextauth: string[] }> };
const nextAuth = (req: Request, ctx: RouteContext): Promise<Response> =>
  // eslint-disable-next-line @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-return -- next-auth 4 declares NextAuth() as returning any
  NextAuth(authOptions())(req, ctx);
// A locked sign-in gets 429 + Retry-After before next-auth runs (server/auth/locked-sign-in.ts).
const handler = async (req: Request, ctx: RouteContext): Promise<Response> =>
  (await refuseLockedSignIn(req)) ?? nextAuth(req, ctx);
export { handler as GET, handler as POST };
