// next-auth (v4) configuration: email + password, JWT sessions carrying id, role and tenant.
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "../database";
import { ROLES, type Role } from "../../db/types";
import { authSecret } from "../env";
import type { SessionUser } from "./session-user";
import { signInWithPassword } from "./sign-in";

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

export const LOCKED_MESSAGE = "Too many failed sign-ins. Try again in 15 minutes.";
export const INVALID_MESSAGE = "Email or password is incorrect.";

function clientAddress(headers: Record<string, string | string[] | undefined> | undefined): string {
  const forwarded = headers?.["x-forwarded-for"];
  const first = Array.isArray(forwarded) ? forwarded[0] : forwarded;
  return first?.split(",")[0]?.trim() || "local";
}

function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

export function authOptions(): NextAuthOptions {
  return {
    secret: authSecret(),
    session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
    pages: { signIn: "/login" },
    providers: [
      CredentialsProvider({
        name: "Email",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(credentials, req) {
          const email = credentials?.email ?? "";
          const password = credentials?.password ?? "";
          if (!email || !password) throw new Error("Enter your email and password.");
          const result = await signInWithPassword(getDb(), email, password, clientAddress(req?.headers));
          if (!result.ok) throw new Error(result.reason === "locked" ? LOCKED_MESSAGE : INVALID_MESSAGE);
          return result.user;
        },
      }),
    ],
    callbacks: {
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
