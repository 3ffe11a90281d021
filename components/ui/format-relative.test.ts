import { describe, expect, it } from "vitest";
import { formatExact, formatLocalShort, formatRelative, formatUtc, parseIso } from "./format-relative";

const now = Date.parse("2024-06-15T12:00:00Z");

describe("formatRelative", () => {
  it("says how long ago a past time was", () => {
    expect(formatRelative("2024-06-12T12:00:00Z", now)).toBe("3 days ago");
    expect(formatRelative("2024-06-15T11:55:00Z", now)).toBe("5 minutes ago");
  });
  it("says how far off a future time is", () => {
    expect(formatRelative("2024-06-15T14:00:00Z", now)).toBe("in 2 hours");
    expect(formatRelative("2024-07-15T12:00:00Z", now)).toBe("in 1 month");
  });
  it("rounds near-now to 'just now'", () => {
    expect(formatRelative("2024-06-15T12:00:20Z", now)).toBe("just now");
  });
  it("renders an em dash for null, empty or invalid input", () => {
    expect(formatRelative(null, now)).toBe("—");
    expect(formatRelative("", now)).toBe("—");
    expect(formatRelative("not a date", now)).toBe("—");
    expect(parseIso("nope")).toBeNull();
  });
});

describe("formatExact", () => {
  it("renders the instant in the requested zone with its name", () => {
    const text = formatExact(new Date("2024-06-15T12:00:00Z"), "Asia/Tokyo");
    expect(text).toContain("9:00:00");
    expect(text).toMatch(/GMT\+9|JST/);
  });
});

describe("formatUtc and formatLocalShort", () => {
  it("gives the exact UTC instant and a short local time with its zone", () => {
    const d = new Date("2024-06-15T12:00:09.123Z");
    expect(formatUtc(d)).toBe("2024-06-15 12:00:09 UTC");
    const tokyo = formatLocalShort(d, "Asia/Tokyo");
    expect(tokyo).toContain("Jun 15, 2024");
    expect(tokyo).toMatch(/09:00 PM|21:00/);
    expect(tokyo).toMatch(/GMT\+9|JST/);
  });
});
