// "Auth expires within N days" and "no sync for N days" counted exactly as the list's filters
// count them (server/connections/list/filters.ts), from per-day summaries: whole days inside the
// window are summed from ops_day_counts, and only the partial days at its edges are counted
// from the connections, through their (tenant_id,) timestamp indexes.
import { sql } from "kysely";
import type { TenantScope } from "../scope/tenant-scope";

const DAY = 86_400_000;
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const startOfDay = (day: string) => `${day}T00:00:00.000Z`;
const nextDay = (day: string) => dayOf(Date.parse(startOfDay(day)) + DAY);

type Kind = "expires" | "sync";
const COLUMN = { expires: "auth_expires_at", sync: "last_sync_at" } as const;

async function daySum(scope: TenantScope, kind: Kind, after: string | null, before: string): Promise<number> {
  let q = scope
    .opsDayCounts()
    .select(sql<number>`coalesce(sum(n), 0)`.as("n"))
    .where("kind", "=", kind)
    .where("day", "<", before);
  if (after !== null) q = q.where("day", ">", after);
  const row = await q.executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Connections whose timestamp lies in [from, to) (to inclusive when `toInclusive`). */
async function edgeCount(scope: TenantScope, kind: Kind, from: string, to: string, toInclusive: boolean) {
  if (from > to) return 0;
  const col = COLUMN[kind];
  const row = await scope
    .connections()
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where(col, ">=", from)
    .where(col, toInclusive ? "<=" : "<", to)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** auth_expires_at between now and now + days (both inclusive), as filters.authExpiresWithinDays. */
export async function countExpiringWithin(scope: TenantScope, days: number, now: number): Promise<number> {
  const from = new Date(now).toISOString();
  const to = new Date(now + days * DAY).toISOString();
  const first = dayOf(now);
  const last = dayOf(now + days * DAY);
  if (first === last) return edgeCount(scope, "expires", from, to, true);
  const [head, middle, tail] = await Promise.all([
    edgeCount(scope, "expires", from, startOfDay(nextDay(first)), false),
    daySum(scope, "expires", first, last),
    edgeCount(scope, "expires", startOfDay(last), to, true),
  ]);
  return head + middle + tail;
}

/** last_sync_at before now - days (never-synced rows excluded), as filters.lastSyncOlderThanDays. */
export async function countStale(scope: TenantScope, days: number, now: number): Promise<number> {
  const cutoff = new Date(now - days * DAY).toISOString();
  const day = cutoff.slice(0, 10);
  const [before, edge] = await Promise.all([
    daySum(scope, "sync", null, day),
    edgeCount(scope, "sync", startOfDay(day), cutoff, false),
  ]);
  return before + edge;
}
