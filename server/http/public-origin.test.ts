import { describe, expect, it } from "vitest";
import { publicOriginFrom, publicOriginIsHttps } from "./public-origin";

describe("publicOriginFrom: the public origin comes from configuration only", () => {
  it("prefers PUBLIC_URL, then NEXTAUTH_URL, then localhost on PORT", () => {
    expect(
      publicOriginFrom({ PUBLIC_URL: "https://console.example.com/", NEXTAUTH_URL: "https://other.example" }, true),
    ).toBe("https://console.example.com");
    expect(publicOriginFrom({ NEXTAUTH_URL: "https://console.example.com:8443/api/auth" }, true)).toBe(
      "https://console.example.com:8443",
    );
    expect(publicOriginFrom({ PORT: "3100" }, false)).toBe("http://localhost:3100");
    expect(publicOriginFrom({}, false)).toBe("http://localhost:3000");
  });

  it("refuses what is not an http(s) origin, and a missing one in production", () => {
    expect(() => publicOriginFrom({ PUBLIC_URL: "console.example.com" }, false)).toThrow(/PUBLIC_URL/);
    expect(() => publicOriginFrom({ PUBLIC_URL: "javascript:alert(1)" }, false)).toThrow(/http or https/);
    expect(() => publicOriginFrom({ NEXTAUTH_URL: "https://user:pw@console.example.com" }, false)).toThrow(/user name/);
    expect(() => publicOriginFrom({}, true)).toThrow(/production/);
    expect(() => publicOriginFrom({ PORT: "http" }, false)).toThrow(/PORT/);
  });

  it("knows when the console is served over https", () => {
    expect(publicOriginIsHttps("https://console.example.com")).toBe(true);
    expect(publicOriginIsHttps("http://localhost:3000")).toBe(false);
  });
});
