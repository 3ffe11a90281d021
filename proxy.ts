// Everything needs a session except sign-in, the public relink page, the sandbox OAuth
// provider, ingest (API keys) and next-auth's own routes.
import { withAuth } from "next-auth/middleware";

export default withAuth({ pages: { signIn: "/login" } });

export const config = {
  matcher: ["/((?!login|link/|oauth/|sandbox-oauth/|api/auth|api/ingest|api/link|api/health|_next/|favicon.ico).*)"],
};
