import { describe, expect, it } from "vitest";
import { isValidTimeZone, parseCodatDate } from "./codat-dates";

function utc(value: string, zone = "UTC") {
  const result = parseCodatDate(value, zone);
  if (!result.ok) throw new Error(result.reason);
  return result;
}

describe("parseCodatDate", () => {
  it("reads Z as UTC, with 0, 3 and 7 fractional digits", () => {
    expect(utc("2021-11-15T06:00:00Z")).toEqual({ ok: true, utc: "2021-11-15T06:00:00.000Z", kind: "utc" });
    expect(utc("2022-01-01T12:30:00.000Z").utc).toBe("2022-01-01T12:30:00.000Z");
    // 7 digits (.NET ticks) are truncated to milliseconds, never rounded into the next second.
    expect(utc("2022-10-27T10:22:43.6464237Z").utc).toBe("2022-10-27T10:22:43.646Z");
    expect(utc("2023-06-14T11:58:59.9999999Z").utc).toBe("2023-06-14T11:58:59.999Z");
    expect(utc("2023-06-14T11:58:52.2Z").utc).toBe("2023-06-14T11:58:52.200Z");
  });

  it("converts offsets to UTC (the seed's own example)", () => {
    expect(utc("2021-11-15T01:00:00-05:00")).toEqual({ ok: true, utc: "2021-11-15T06:00:00.000Z", kind: "offset" });
    expect(utc("2021-11-15T01:00:00+0530").utc).toBe("2021-11-14T19:30:00.000Z");
    // The zone argument is irrelevant when the value carries its own offset.
    expect(utc("2021-11-15T01:00:00+01:00", "America/New_York").utc).toBe("2021-11-15T00:00:00.000Z");
  });

  it("reads unqualified local times in the tenant's zone", () => {
    expect(utc("2021-11-15T01:00:00", "America/New_York")).toEqual({
      ok: true,
      utc: "2021-11-15T06:00:00.000Z",
      kind: "local",
    });
    expect(utc("2021-07-15T01:00:00", "America/New_York").utc).toBe("2021-07-15T05:00:00.000Z");
    expect(utc("2021-07-15T01:00:00", "Europe/London").utc).toBe("2021-07-15T00:00:00.000Z");
    expect(utc("2021-07-15T01:00", "Asia/Kolkata").utc).toBe("2021-07-14T19:30:00.000Z");
    expect(utc("2021-11-15T01:00:00").utc).toBe("2021-11-15T01:00:00.000Z");
  });

  it("reads a bare date as local midnight", () => {
    expect(utc("2022-10-23")).toEqual({ ok: true, utc: "2022-10-23T00:00:00.000Z", kind: "date" });
    expect(utc("2022-10-23", "Australia/Sydney").utc).toBe("2022-10-22T13:00:00.000Z");
  });

  it("resolves DST gaps forward and overlaps to the earlier instant", () => {
    // 02:30 does not exist in New York on 2021-03-14; it becomes 03:30 EDT.
    expect(utc("2021-03-14T02:30:00", "America/New_York").utc).toBe("2021-03-14T07:30:00.000Z");
    // 01:30 happens twice on 2021-11-07; the first (EDT) is chosen.
    expect(utc("2021-11-07T01:30:00", "America/New_York").utc).toBe("2021-11-07T05:30:00.000Z");
    expect(utc("2021-10-31T01:30:00", "Europe/London").utc).toBe("2021-10-31T00:30:00.000Z");
  });

  it("rejects what is not a date, with a reason", () => {
    for (const bad of [
      "string",
      "2022-13-01",
      "2022-02-30",
      "2022-10-23T25:00:00Z",
      "2022-10-23T10:00:00.12345678Z",
      "2022-10-23Z",
      "2022-10-23T10:00:00+25:00",
      "",
    ]) {
      const result = parseCodatDate(bad, "UTC");
      expect(result.ok, bad).toBe(false);
    }
    expect(parseCodatDate("2024-02-29", "UTC").ok).toBe(true);
    expect(parseCodatDate("2023-02-29", "UTC").ok).toBe(false);
  });

  it("refuses local times when the tenant zone is unknown, but not zoned ones", () => {
    const result = parseCodatDate("2021-11-15T01:00:00", "Mars/Olympus");
    expect(result).toEqual({ ok: false, reason: expect.stringContaining("Mars/Olympus") });
    expect(parseCodatDate("2021-11-15T01:00:00Z", "Mars/Olympus").ok).toBe(true);
    expect(isValidTimeZone("Europe/Berlin")).toBe(true);
    expect(isValidTimeZone("Mars/Olympus")).toBe(false);
  });
});
