import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, newNonce, pageSecurityHeaders } from "./security-headers";

const directives = (csp: string) => new Map(csp.split("; ").map((d) => [d.split(" ")[0], d.split(" ").slice(1)]));

describe("page security headers", () => {
  it("allows scripts by this response's nonce only, and no framing", () => {
    const nonce = newNonce();
    const csp = directives(contentSecurityPolicy({ nonce, https: false, development: false }));
    expect(csp.get("script-src")).toEqual(["'self'", `'nonce-${nonce}'`, "'strict-dynamic'"]);
    expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
    expect(csp.get("object-src")).toEqual(["'none'"]);
    expect(csp.get("base-uri")).toEqual(["'self'"]);
    expect(csp.get("form-action")).toEqual(["'self'"]);
    expect(csp.has("upgrade-insecure-requests")).toBe(false);
    expect([...csp.values()].flat()).not.toContain("'unsafe-eval'");
  });

  it("allows eval in development only (React's debugging aids)", () => {
    const dev = directives(contentSecurityPolicy({ nonce: "n", https: false, development: true }));
    expect(dev.get("script-src")).toContain("'unsafe-eval'");
  });

  it("lets the relink page's form continue to the provider, over https outside development", () => {
    expect(
      directives(contentSecurityPolicy({ nonce: "n", https: true, development: false, formsLeaveSite: true })).get(
        "form-action",
      ),
    ).toEqual(["'self'", "https:"]);
  });

  it("adds HSTS and upgrades subresources only when the public origin is https", () => {
    const https = new Map(pageSecurityHeaders({ nonce: "n", https: true, development: false }));
    expect(https.get("Strict-Transport-Security")).toBe("max-age=31536000");
    expect(https.get("Content-Security-Policy")).toContain("upgrade-insecure-requests");
    const http = new Map(pageSecurityHeaders({ nonce: "n", https: false, development: false }));
    expect(http.has("Strict-Transport-Security")).toBe(false);
  });

  it("makes a fresh 128-bit nonce each time", () => {
    const nonces = new Set(Array.from({ length: 100 }, newNonce));
    expect(nonces.size).toBe(100);
    expect(Buffer.from(newNonce(), "base64")).toHaveLength(16);
  });
});
