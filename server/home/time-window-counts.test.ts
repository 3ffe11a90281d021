// Windows cut into day, hour and minute buckets plus the two partial minutes count exactly what
// a direct count over the connections gives, for windows of every shape (inside one minute,
// across hours, across days, open-ended), as support and as a tenant admin.
import { expect, it } from "vitest";
import { seedDemo } from "../demo-data/seed-demo";
import { acmeAdmin, scopeAs, staff } from "../test/callers";
import { describeEachDb } from "../test/databases";
import { countInWindow } from "./time-window-counts";

const NOW = Date.parse("2026-11-21T09:30:17.250Z");
const DAY = 86_400_000;

/** A reproducible sequence of windows (a small LCG keeps the test stable). */
function windows(): [number | null, number, boolean][] {
  let seed = 7;
  const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  const out: [number | null, number, boolean][] = [
    [NOW, NOW + 7 * DAY, true],
    [null, NOW - 7 * DAY, false],
    [NOW, NOW + 20_000, true],
    [Date.parse("2026-11-21T00:00:00.000Z"), Date.parse("2026-11-23T00:00:00.000Z"), false],
  ];
  for (let i = 0; i < 30; i++) {
    const from = NOW + (next() - 0.5) * 120 * DAY;
    const len = [30_000, 3_600_000, 5 * 3_600_000, 3 * DAY, 40 * DAY][i % 5]! * next();
    out.push([i % 7 === 0 ? null : Math.round(from), Math.round(from + len), i % 2 === 0]);
  }
  return out;
}

describeEachDb(
  "time window counts",
  (get) => {
    for (const [who, user] of [
      ["support", staff()],
      ["tenant admin", acmeAdmin()],
    ] as const) {
      it(`equal a direct count for every window shape (${who})`, async () => {
        const { db } = get();
        const scope = scopeAs(db, user);
        for (const kind of ["expires", "sync"] as const) {
          const col = kind === "expires" ? "auth_expires_at" : "last_sync_at";
          for (const [from, to, inclusive] of windows()) {
            let q = scope
              .connections()
              .select((eb) => eb.fn.countAll<number>().as("n"))
              .where(col, inclusive ? "<=" : "<", new Date(to).toISOString())
              .where(col, "is not", null);
            if (from !== null) q = q.where(col, ">=", new Date(from).toISOString());
            const direct = Number((await q.executeTakeFirstOrThrow()).n);
            const got = await countInWindow(scope, kind, from, to, inclusive);
            expect({ kind, from, to, got }).toEqual({ kind, from, to, got: direct });
          }
        }
      });
    }
  },
  async ({ db }) => {
    await seedDemo(db, { connections: 500, seed: 21, now: NOW });
  },
);
