import NextAuth from "next-auth";
import { authOptions } from "@/server/auth/options";

// Built per request so that secrets are read at run time, not at build time.
type RouteContext = { params: Promise<{ nextauth: string[] }> };
const handler = (req: Request, ctx: RouteContext) => NextAuth(authOptions())(req, ctx);
export { handler as GET, handler as POST };
