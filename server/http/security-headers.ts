// The per-request security headers of every page, set by proxy.ts: the CSP (its nonce must be
// fresh for each response) and HSTS (it depends on the configured origin, known at run time).
// The static ones (X-Content-Type-Options, Referrer-Policy, X-Frame-Options) are in
// next.config.mjs, which also covers API responses and assets.
//
// Scripts: only those carrying this response's nonce ('strict-dynamic' lets them load Next's
// chunks). Next reads the nonce from the request's CSP header and stamps its own scripts; the
// theme script in the root layout takes it from x-nonce. Development adds 'unsafe-eval' for React
// Refresh and error overlays, never production.
// Styles: 'unsafe-inline' stays. Server-rendered style="" attributes (Radix, React) and the
// <style> tags that scroll locks inject carry no nonce; a nonce in style-src would make browsers
// ignore 'unsafe-inline' and break them. Injected CSS cannot run script.
import { randomBytes } from "node:crypto";

export interface SecurityPolicyInput {
  nonce: string;
  /** The public origin is https: upgrade subresources, HSTS. */
  https: boolean;
  /** `next dev`: React needs eval for its debugging aids. */
  development: boolean;
  /**
   * Forms on this page may post to another origin: the relink page's "Reconnect" form answers
   * with a 303 to the provider's authorize URL, and browsers apply form-action to redirects.
   */
  formsLeaveSite?: boolean;
}

/** 128 random bits, base64: unguessable, fresh per response. */
export function newNonce(): string {
  return randomBytes(16).toString("base64");
}

export function contentSecurityPolicy(input: SecurityPolicyInput): string {
  const formTargets = input.formsLeaveSite ? (input.development ? "'self' https: http:" : "'self' https:") : "'self'";
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${input.nonce}' 'strict-dynamic'${input.development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    `form-action ${formTargets}`,
    "frame-ancestors 'none'",
    ...(input.https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

/** The headers proxy.ts adds to every page response. */
export function pageSecurityHeaders(input: SecurityPolicyInput): [name: string, value: string][] {
  return [
    ["Content-Security-Policy", contentSecurityPolicy(input)],
    // Browsers remember it for a year; only ever sent when the public origin is https.
    ...(input.https ? [["Strict-Transport-Security", "max-age=31536000"] as [string, string]] : []),
  ];
}
