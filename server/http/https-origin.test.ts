// When the public origin is https, cookies are Secure and pages carry HSTS; over http (local and
// tests) neither, or the browser would drop the cookies and pin the host to https.
import { afterEach, beforeEach, expect, it } from "vitest";
import { authOptions } from "../auth/options";
import { flowCookieOptions } from "../oauth/flow-cookie";
import { publicOrigin } from "./public-origin";
import { pageSecurityHeaders } from "./security-headers";

const saved = { PUBLIC_URL: process.env.PUBLIC_URL, NEXTAUTH_URL: process.env.NEXTAUTH_URL };
const restore = (name: keyof typeof saved) => {
  if (saved[name] === undefined) delete process.env[name];
  else process.env[name] = saved[name];
};
beforeEach(() => {
  delete process.env.NEXTAUTH_URL;
});
afterEach(() => {
  restore("PUBLIC_URL");
  restore("NEXTAUTH_URL");
});

it("https: Secure session and flow cookies, next-auth on the same origin, HSTS on pages", () => {
  process.env.PUBLIC_URL = "https://console.example.com";
  const options = authOptions();
  expect(options.useSecureCookies).toBe(true);
  expect(process.env.NEXTAUTH_URL).toBe("https://console.example.com");
  expect(flowCookieOptions(publicOrigin()).secure).toBe(true);
  const headers = new Map(pageSecurityHeaders({ nonce: "n", https: true, development: false }));
  expect(headers.get("Strict-Transport-Security")).toMatch(/^max-age=\d{8}/);
});

it("http: no Secure flag, no HSTS", () => {
  process.env.PUBLIC_URL = "http://localhost:3000";
  expect(authOptions().useSecureCookies).toBe(false);
  expect(flowCookieOptions(publicOrigin()).secure).toBe(false);
});
