/** Deterministic PRNG (mulberry32) so the same seed value always yields the same demo data. */
const STEP = 0x6d2b79f5;

export class Random {
  private state: number;
  /** how many values this generator has given */
  draws = 0;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + STEP) >>> 0;
    this.draws++;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error("pick from an empty list");
    return item;
  }
  weighted<T extends { weight: number }>(items: readonly T[]): T {
    const total = items.reduce((s, i) => s + i.weight, 0);
    let r = this.next() * total;
    for (const item of items) {
      r -= item.weight;
      if (r <= 0) return item;
    }
    return items[items.length - 1] as T;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  hex(length: number): string {
    let s = "";
    while (s.length < length) s += Math.floor(this.next() * 16).toString(16);
    return s;
  }
  uuid(): string {
    const h = this.hex(32);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
  }
}

/** Draws a batch may take per row (a connection with its runs and errors takes ~150–300). */
export const DRAWS_PER_ROW = 512;

/**
 * The seed of batch `batch` of a seeding run. The generator's state walks one cycle of 2³²
 * steps, so streams from unrelated seeds overlap (a million rows' worth of batches collided on
 * platform ids); batch k instead starts k × batchSize × DRAWS_PER_ROW steps along the run's own
 * cycle, so batches never share a draw and batch 0 is the run's seed itself (sets smaller than
 * one batch are what a single stream gave). Any worker can generate any batch: the rows do not
 * depend on who made them. Holds while the run takes under 2³² draws (8 million rows).
 */
export function batchSeed(seed: number, batch: number, batchSize: number): number {
  if ((batch + 1) * batchSize * DRAWS_PER_ROW > 2 ** 32) throw new Error("a seeding run is limited to 8,388,608 rows");
  return (seed + Math.imul(Math.imul(batch, batchSize * DRAWS_PER_ROW), STEP)) >>> 0;
}
