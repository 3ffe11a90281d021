"use client";
// When the session has expired, tRPC answers 401 UNAUTHORIZED to every call. Rather than each
// screen showing its own error, the client says so once and goes to sign-in, which brings the
// user back to the same page.
import { TRPCClientError, type TRPCLink } from "@trpc/client";
import { observable } from "@trpc/server/observable";
import { toast } from "@/components/ui/toast";
import type { AppRouter } from "@/server/routers";

export const SESSION_EXPIRED_MESSAGE = "Your session expired — sign in again";
const REDIRECT_DELAY_MS = 1200;

/** The sign-in page, told why, and where to come back to. */
export function signInAgainUrl(location: Pick<Location, "pathname" | "search" | "hash">): string {
  const back = `${location.pathname}${location.search}${location.hash}`;
  return `/login?${new URLSearchParams({ callbackUrl: back, expired: "1" }).toString()}`;
}

export function isUnauthorized(error: unknown): boolean {
  if (!(error instanceof TRPCClientError)) return false;
  const data: unknown = error.data;
  if (typeof data !== "object" || data === null) return false;
  return ("httpStatus" in data && data.httpStatus === 401) || ("code" in data && data.code === "UNAUTHORIZED");
}

let leaving = false;
function onSessionExpired(): void {
  if (leaving || typeof window === "undefined") return;
  leaving = true;
  toast({ title: SESSION_EXPIRED_MESSAGE, variant: "destructive" });
  const target = signInAgainUrl(window.location);
  window.setTimeout(() => window.location.assign(target), REDIRECT_DELAY_MS);
}

/** First in the client's links: passes everything through, and notices a 401 on the way back. */
export const sessionExpiredLink: TRPCLink<AppRouter> =
  () =>
  ({ next, op }) =>
    observable((observer) =>
      next(op).subscribe({
        next: (value) => observer.next(value),
        error: (error) => {
          if (isUnauthorized(error)) onSessionExpired();
          observer.error(error);
        },
        complete: () => observer.complete(),
      }),
    );
