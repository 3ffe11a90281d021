// next-auth (v4) configuration: email + password, JWT sessions carrying id, role and tenant.
// Its base URL, redirects and cookie security follow the configured public origin; the sign-in
// lockout counts the client address from server/http/client-address.ts.
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import type { DB } from "../../db";
import { getDb } from "../database";
import { ROLES, type Role } from "../../db/types";
import { authSecret } from "../env";
import { clientAddress } from "../http/client-address";
import { publicOrigin, publicOriginIsHttps } from "../http/public-origin";
import { sameOriginPath } from "../http/same-origin-path";
import type { SessionUser } from "./session-user";
import { lockedMessage, signInWithPassword } from "./sign-in";

declare module "next-auth" {
  interface Session {
    user: SessionUser;
  }
  interface User {
    role: Role;
    tenantId: string | null;
    tenantName: string | null;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    user?: SessionUser;
  }
}

export const INVALID_MESSAGE = "Email or password is incorrect.";

/** next-auth's redirect callback: same-origin paths on the public origin only, anything else home. */
export function redirectAfterAuth(url: string, origin = publicOrigin()): string {
  return new URL(sameOriginPath(url, origin), origin).toString();
}

type HeaderBag = Readonly<Record<string, string | string[] | undefined>>;

/** The credentials provider's check: the lockout counts the trusted client address, not a header. */
export async function authorizeCredentials(
  credentials: { email?: string; password?: string } | undefined,
  headers: HeaderBag | undefined,
  db: DB = getDb(),
): Promise<SessionUser> {
  const email = credentials?.email ?? "";
  const password = credentials?.password ?? "";
  if (!email || !password) throw new Error("Enter your email and password.");
  const result = await signInWithPassword(db, email, password, clientAddress(headers ?? {}));
  if (!result.ok)
    throw new Error(result.reason === "locked" ? lockedMessage(result.retryAfterSeconds) : INVALID_MESSAGE);
  return result.user;
}

function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

export function authOptions(): NextAuthOptions {
  const origin = publicOrigin();
  // next-auth 4 reads its base URL from NEXTAUTH_URL alone (or, with AUTH_TRUST_HOST, from
  // X-Forwarded-Host): give it the configured origin so it never falls back to the request.
  process.env.NEXTAUTH_URL = origin;
  return {
    secret: authSecret(),
    useSecureCookies: publicOriginIsHttps(origin),
    session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
    pages: { signIn: "/login" },
    providers: [
      CredentialsProvider({
        name: "Email",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        authorize: (credentials, req) => authorizeCredentials(credentials, req?.headers),
      }),
    ],
    callbacks: {
      redirect({ url }) {
        return redirectAfterAuth(url, origin);
      },
      jwt({ token, user }) {
        if (user && isRole(user.role)) {
          token.user = {
            id: user.id,
            email: user.email ?? "",
            name: user.name ?? "",
            role: user.role,
            tenantId: user.tenantId,
            tenantName: user.tenantName,
          };
        }
        return token;
      },
      session({ session, token }) {
        if (token.user) session.user = token.user;
        return session;
      },
    },
  };
}
