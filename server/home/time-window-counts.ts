// "Auth expires within N days" and "no sync for N days" counted exactly as the list's filters
// count them (server/connections/list/filters.ts), from the time buckets in ops_day_counts
// (per UTC day, hour and minute; migration 0007-operations-time-buckets): a window is cut into
// whole days, hours and minutes, summed in one read of the buckets, and only the rows inside the
// partial minutes at its edges are counted from the connections, through their timestamp indexes.
import { sql, type Expression, type SqlBool } from "kysely";
import type { TenantScope } from "../scope/tenant-scope";

const MINUTE = 60_000;
const DAY = 86_400_000;
type Kind = "expires" | "sync";
type Unit = "d" | "h" | "m";
const COLUMN = { expires: "auth_expires_at", sync: "last_sync_at" } as const;
const LENGTH: Record<Unit, number> = { d: 10, h: 13, m: 16 };
const STEP: Record<Unit, number> = { d: DAY, h: 3_600_000, m: MINUTE };

const iso = (ms: number) => new Date(ms).toISOString();
const floor = (ts: string, unit: Unit) =>
  Date.parse(
    iso(Date.parse(ts))
      .slice(0, LENGTH[unit])
      .padEnd(16, unit === "d" ? "T00:00" : ":00") + ":00.000Z",
  );
const ceil = (ms: number, unit: Unit) => {
  const f = floor(iso(ms), unit);
  return f === ms ? ms : f + STEP[unit];
};

/** Bucket ranges [from, to) of one unit; `from` null: from the beginning. */
type Segment = { unit: Unit; from: number | null; to: number };

/** Cuts the minute-aligned range [a, b) into minutes, hours, days, hours, minutes. */
function segments(a: number | null, b: number): Segment[] {
  if (a === null) {
    const d = floor(iso(b), "d");
    const h = floor(iso(b), "h");
    return [
      { unit: "d", from: null, to: d },
      { unit: "h", from: d, to: h },
      { unit: "m", from: h, to: b },
    ];
  }
  const h1 = ceil(a, "h");
  if (h1 >= b) return [{ unit: "m", from: a, to: b }];
  const hB = floor(iso(b), "h");
  const d1 = ceil(h1, "d");
  if (d1 >= hB)
    return [
      { unit: "m", from: a, to: h1 },
      { unit: "h", from: h1, to: hB },
      { unit: "m", from: hB, to: b },
    ];
  const dB = floor(iso(hB), "d");
  return [
    { unit: "m", from: a, to: h1 },
    { unit: "h", from: h1, to: d1 },
    { unit: "d", from: d1, to: dB },
    { unit: "h", from: dB, to: hB },
    { unit: "m", from: hB, to: b },
  ];
}

async function bucketSum(scope: TenantScope, kind: Kind, parts: Segment[]): Promise<number> {
  const live = parts.filter((p) => p.from === null || p.from < p.to);
  if (live.length === 0) return 0;
  const row = await scope
    .opsDayCounts()
    .select(sql<number>`coalesce(sum(n), 0)`.as("n"))
    .where((eb) =>
      eb.or(
        live.map((p) => {
          const conds: Expression<SqlBool>[] = [
            eb("kind", "=", `${kind}:${p.unit}`),
            eb("day", "<", iso(p.to).slice(0, LENGTH[p.unit])),
          ];
          if (p.from !== null) conds.push(eb("day", ">=", iso(p.from).slice(0, LENGTH[p.unit])));
          return eb.and(conds);
        }),
      ),
    )
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/**
 * Connections whose timestamp lies in [from, to) ([from, to] when `toInclusive`): a minute or two
 * of rows. With `cap`, NaN once more than `cap` rows lie there (a minute can hold thousands).
 */
async function edgeCount(
  scope: TenantScope,
  kind: Kind,
  from: string,
  to: string,
  toInclusive: boolean,
  cap?: number,
): Promise<number> {
  if (from > to || (from === to && !toInclusive)) return 0;
  const col = COLUMN[kind];
  if (cap !== undefined) {
    const rows = await scope
      .connections()
      .select(col)
      .where(col, ">=", from)
      .where(col, toInclusive ? "<=" : "<", to)
      .limit(cap + 1)
      .execute();
    return rows.length > cap ? NaN : rows.length;
  }
  const row = await scope
    .connections()
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where(col, ">=", from)
    .where(col, toInclusive ? "<=" : "<", to)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/**
 * Connections with the column in [from, to] (to exclusive unless `toInclusive`); `from` null: no
 * lower bound. `edgeCap`: read at most that many rows at each edge, NaN when an edge holds more.
 */
export async function countInWindow(
  scope: TenantScope,
  kind: Kind,
  from: number | null,
  to: number,
  toInclusive: boolean,
  edgeCap?: number,
): Promise<number> {
  const tail = floor(iso(to), "m");
  const head = from === null ? null : ceil(from, "m");
  if (head !== null && head >= tail) return edgeCount(scope, kind, iso(from!), iso(to), toInclusive, edgeCap);
  const [edges, middle] = await Promise.all([
    Promise.all([
      head === null ? 0 : edgeCount(scope, kind, iso(from!), iso(head), false, edgeCap),
      edgeCount(scope, kind, iso(tail), iso(to), toInclusive, edgeCap),
    ]),
    bucketSum(scope, kind, segments(head, tail)),
  ]);
  return edges[0] + edges[1] + middle;
}

/** auth_expires_at between now and now + days (both inclusive), as filters.authExpiresWithinDays. */
export function countExpiringWithin(scope: TenantScope, days: number, now: number, edgeCap?: number): Promise<number> {
  return countInWindow(scope, "expires", now, now + days * DAY, true, edgeCap);
}

/** last_sync_at before now - days (never-synced rows excluded), as filters.lastSyncOlderThanDays. */
export function countStale(scope: TenantScope, days: number, now: number, edgeCap?: number): Promise<number> {
  return countInWindow(scope, "sync", null, now - days * DAY, false, edgeCap);
}
