// New and resolved errors per UTC day over the last N days, from ops_error_days.
import { sql } from "kysely";
import type { TenantScope } from "../scope/tenant-scope";

const DAY = 86_400_000;

export async function errorDays(scope: TenantScope, days: number, now: number) {
  const list = Array.from({ length: days }, (_, i) => new Date(now - (days - 1 - i) * DAY).toISOString().slice(0, 10));
  const rows = await scope
    .opsErrorDays()
    .select(["day", sql<number>`sum(created_n)`.as("created"), sql<number>`sum(resolved_n)`.as("resolved")])
    .where("day", ">=", list[0]!)
    .where("day", "<=", list.at(-1)!)
    .groupBy("day")
    .execute();
  const byDay = new Map(rows.map((r) => [r.day, r]));
  return list.map((day) => ({
    day,
    created: Math.max(0, Number(byDay.get(day)?.created ?? 0)),
    resolved: Math.max(0, Number(byDay.get(day)?.resolved ?? 0)),
  }));
}
