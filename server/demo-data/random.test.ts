import { describe, expect, it } from "vitest";
import { DRAWS_PER_ROW, Random, batchSeed } from "./random";

describe("batch seeds", () => {
  it("give each batch its own stretch of one stream, so no two batches share a draw", () => {
    // Hashed per-batch seeds once overlapped (mulberry32 walks a single 2³² cycle): a million
    // rows collided on a platform id. Consecutive batches must be consecutive stretches instead.
    for (const seed of [1, 42, 0xffffffff]) {
      const size = 10;
      const whole = new Random(seed);
      for (let batch = 0; batch < 4; batch++) {
        const part = new Random(batchSeed(seed, batch, size));
        const draws = Array.from({ length: size * DRAWS_PER_ROW }, () => [part.next(), whole.next()]);
        expect(draws.filter(([a, b]) => a !== b)).toEqual([]);
      }
    }
  });

  it("keep the run's own seed for the first batch and refuse runs longer than the cycle", () => {
    expect(batchSeed(42, 0, 5_000)).toBe(42);
    expect(() => batchSeed(1, Math.ceil(2 ** 32 / (5_000 * DRAWS_PER_ROW)), 5_000)).toThrow(/limited/);
  });
});
