import { expect, it } from "vitest";
import { formatDuration } from "./format-duration";

it("formats run durations compactly", () => {
  expect([null, 4_000, 60_000, 90_000, 3_600_000, 3_723_000].map(formatDuration)).toEqual([
    "—",
    "4s",
    "1m",
    "1m 30s",
    "1h",
    "1h 2m",
  ]);
});
