import NextAuth from "next-auth";
import { authOptions } from "@/server/auth/options";

// Built per request so that secrets are read at run time, not at build time.
type RouteContext = { params: Promise<{ nextauth: string[] }> };
const handler = (req: Request, ctx: RouteContext): Promise<Response> =>
  // eslint-disable-next-line @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-return -- next-auth 4 declares NextAuth() as returning any
  NextAuth(authOptions())(req, ctx);
export { handler as GET, handler as POST };
