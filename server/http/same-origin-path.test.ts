import { describe, expect, it } from "vitest";
import { sameOriginPath } from "./same-origin-path";

const ORIGIN = "http://localhost:3000";

describe("sameOriginPath: where to go after sign-in", () => {
  // Each of these, handed to a browser as a location, leaves localhost:3000.
  const hostile = [
    "/\\evil.example/x",
    "/%5Cevil.example/x",
    "/\t/evil.example",
    "/%09/evil.example",
    "\t//evil.example",
    "//evil.example",
    "//evil.example/connections",
    "///evil.example",
    "/\\/evil.example",
    "\\\\evil.example",
    "/.//evil.example",
    "/..//evil.example",
    "/%2e//evil.example",
    "/\n/evil.example",
    "/\r\n/evil.example",
    " //evil.example",
    "https://evil.example/connections",
    "http://localhost:3000@evil.example/",
    "http://localhost:3001/connections",
    "https://localhost:3000/connections",
    "javascript:alert(1)",
    "JaVaScRiPt:alert(document.cookie)",
    "java\tscript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox",
    "https:/\\evil.example",
    "%2F%2Fevil.example",
  ];
  it.each(hostile)("refuses %j", (value) => {
    const path = sameOriginPath(decodeURIComponentSafe(value), ORIGIN);
    expect(path).toBe("/");
    expect(new URL(path, ORIGIN).origin).toBe(ORIGIN);
    // The raw (still encoded) form is refused or stays on the site as a path.
    const raw = sameOriginPath(value, ORIGIN);
    expect(new URL(raw, ORIGIN).origin).toBe(ORIGIN);
    expect(raw.startsWith("//")).toBe(false);
  });

  it.each([
    ["/connections", "/connections"],
    ["/connections?status=error&q=a%20b#top", "/connections?status=error&q=a%20b#top"],
    ["/connections/con_1?tab=relink", "/connections/con_1?tab=relink"],
    ["http://localhost:3000/audit?x=1", "/audit?x=1"],
    ["/a/../audit", "/audit"],
    ["relative/path", "/relative/path"],
    // Same scheme, no slashes: a browser reads this as a path on the current host.
    ["http:evil.example", "/evil.example"],
  ])("keeps the same-origin %j as %j", (value, expected) => {
    expect(sameOriginPath(value, ORIGIN)).toBe(expected);
  });

  it("falls back to / for nothing at all", () => {
    expect(sameOriginPath(undefined, ORIGIN)).toBe("/");
    expect(sameOriginPath(null, ORIGIN)).toBe("/");
    expect(sameOriginPath("", ORIGIN)).toBe("/");
  });
});

function decodeURIComponentSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
