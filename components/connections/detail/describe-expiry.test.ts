import { describe, expect, it } from "vitest";
import { describeExpiry } from "./describe-expiry";

const NOW = Date.parse("2026-11-01T12:00:00Z");
const at = (ms: number) => new Date(NOW + ms).toISOString();
const H = 3_600_000;

describe("describeExpiry", () => {
  it("counts down, warns inside three days, and says how long ago it expired", () => {
    expect(describeExpiry(at(30 * 24 * H), NOW)).toEqual({ tone: "ok", text: "Expires in 30 days" });
    expect(describeExpiry(at(2 * 24 * H + 5 * H), NOW)).toEqual({ tone: "soon", text: "Expires in 2 days 5 hours" });
    expect(describeExpiry(at(H + 60_000), NOW)).toEqual({ tone: "soon", text: "Expires in 1 hour 1 minute" });
    expect(describeExpiry(at(10_000), NOW)).toEqual({ tone: "soon", text: "Expires in 1 minute" });
    expect(describeExpiry(at(-12 * 24 * H), NOW)).toEqual({ tone: "expired", text: "Expired 12 days ago" });
    expect(describeExpiry(at(0), NOW).tone).toBe("expired");
  });

  it("says plainly when there is no usable expiry", () => {
    expect(describeExpiry(null, NOW)).toEqual({ tone: "none", text: "No expiry recorded" });
    expect(describeExpiry("soon-ish", NOW).tone).toBe("none");
  });
});
