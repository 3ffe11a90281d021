import { describe, expect, it } from "vitest";
import {
  computeNeedsRelink,
  isAuthError,
  mapCodatStatus,
  mapSchemaStatus,
  mapUnifiedStatus,
  mapWorkivaStatus,
} from "./status";

describe("status mapping (DESIGN.md)", () => {
  it("maps Codat's four statuses and nothing else", () => {
    expect(["PendingAuth", "Linked", "Unlinked", "Deauthorized"].map(mapCodatStatus)).toEqual([
      "pending",
      "active",
      "disconnected",
      "deauthorized",
    ]);
    expect(mapCodatStatus("string")).toBeNull();
    expect(mapCodatStatus("linked")).toBeNull();
    expect(mapCodatStatus("toString")).toBeNull();
  });

  it("maps the schema's values to themselves", () => {
    for (const s of ["active", "disconnected", "expired", "error", "pending"]) expect(mapSchemaStatus(s)).toBe(s);
    expect(mapSchemaStatus("deauthorized")).toBeNull();
  });

  it("keeps Unified active and derives Workiva from its last run", () => {
    expect(mapUnifiedStatus()).toBe("active");
    expect(mapWorkivaStatus("error")).toBe("error");
    expect(mapWorkivaStatus("complete")).toBe("active");
    expect(mapWorkivaStatus(null)).toBe("active");
  });
});

describe("isAuthError", () => {
  it("recognises 401 and 403, as text or number", () => {
    expect(isAuthError("401", null)).toBe(true);
    expect(isAuthError(403, null)).toBe(true);
    expect(isAuthError(" 401 ", null)).toBe(true);
    expect(isAuthError("500", null)).toBe(false);
    expect(isAuthError("4010", null)).toBe(false);
  });

  it("recognises OAuth and token messages", () => {
    for (const m of [
      "invalid_grant",
      "Error: invalid_token",
      "Access token expired",
      "The refresh token has been revoked",
      "expired token",
      "The integration de-authorized access to the connection.",
      "Unauthorized",
      "Please re-authenticate",
    ]) {
      expect(isAuthError(null, m), m).toBe(true);
    }
    for (const m of ["Rate limit exceeded", "Internal server error", "User cancelled", "timeout while reading rows"]) {
      expect(isAuthError("500", m), m).toBe(false);
    }
    expect(isAuthError(null, null)).toBe(false);
  });
});

describe("computeNeedsRelink", () => {
  it("is true for expired, deauthorized and disconnected whatever the errors", () => {
    for (const s of ["expired", "deauthorized", "disconnected"] as const)
      expect(computeNeedsRelink(s, false)).toBe(true);
  });
  it("is true for error only with an active auth error", () => {
    expect(computeNeedsRelink("error", true)).toBe(true);
    expect(computeNeedsRelink("error", false)).toBe(false);
  });
  it("is false for pending and active even with an auth error", () => {
    expect(computeNeedsRelink("pending", true)).toBe(false);
    expect(computeNeedsRelink("active", true)).toBe(false);
  });
});
