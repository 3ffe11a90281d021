import { describe, expect, it } from "vitest";
import { needsSignIn, publicLinkToken } from "./page-access";

describe("which requests the proxy sends to sign-in", () => {
  it("gates console pages, not sign-in, the customer's pages, the sandbox provider or the API", () => {
    for (const path of [
      "/",
      "/connections",
      "/connections/con_1",
      "/audit",
      "/relink",
      "/settings/api-keys",
      "/login2",
    ])
      expect(needsSignIn(path)).toBe(true);
    for (const path of [
      "/login",
      "/link/abc",
      "/link/callback",
      "/link/problem",
      "/sandbox-oauth/authorize",
      "/api/trpc/connections.list",
      "/api/export/connections",
      "/_next/static/x.js",
      "/favicon.ico",
    ])
      expect(needsSignIn(path)).toBe(false);
  });

  it("knows the public relink page's token, and nothing else", () => {
    expect(publicLinkToken("/link/abcDEF_-123")).toBe("abcDEF_-123");
    expect(publicLinkToken("/link/abc/")).toBe("abc");
    expect(publicLinkToken("/link/callback")).toBeNull();
    expect(publicLinkToken("/link/problem")).toBeNull();
    expect(publicLinkToken("/link/abc/start")).toBeNull();
    expect(publicLinkToken("/connections")).toBeNull();
  });
});
