// Active error groups in the scope: one row per group from ops_error_group_tenants (per group
// and tenant: a few thousand rows at most), joined to the shared catalogue of shapes.
import { sql } from "kysely";
import type { TenantScope } from "../scope/tenant-scope";
import {
  ERROR_GROUP_TREND_DAYS,
  type ErrorGroupRow,
  type ListErrorGroupsRequest,
  type ListErrorGroupsResponse,
} from "./error-groups.types";

const DAY = 86_400_000;

/** Groups as the scope sees them: with active errors (the lists), or every one it has seen. */
function groupRows(scope: TenantScope, activeOnly = true) {
  const q = scope.opsErrorGroupTenants().innerJoin("ops_error_groups as g", "g.id", "ops_error_group_tenants.group_id");
  return (activeOnly ? q.where("ops_error_group_tenants.active_n", ">", 0) : q)
    .select([
      "g.id",
      "g.provider",
      "g.status_code",
      "g.shape",
      sql<number>`sum(ops_error_group_tenants.active_n)`.as("errors"),
      sql<number>`sum(ops_error_group_tenants.connections_n)`.as("connections"),
      // tenants with an active error in the group
      sql<number>`sum(CASE WHEN ops_error_group_tenants.active_n > 0 THEN 1 ELSE 0 END)`.as("tenants"),
      sql<string>`min(ops_error_group_tenants.first_seen)`.as("first_seen"),
      sql<string>`max(ops_error_group_tenants.last_seen)`.as("last_seen"),
    ])
    .groupBy(["g.id", "g.provider", "g.status_code", "g.shape"]);
}

type Raw = Awaited<ReturnType<ReturnType<typeof groupRows>["execute"]>>[number];

/** New errors per day for these groups, oldest first, as the scope sees them. */
async function trends(scope: TenantScope, ids: string[], now: number): Promise<Map<string, number[]>> {
  const days = Array.from({ length: ERROR_GROUP_TREND_DAYS }, (_, i) =>
    new Date(now - (ERROR_GROUP_TREND_DAYS - 1 - i) * DAY).toISOString().slice(0, 10),
  );
  const out = new Map(ids.map((id) => [id, days.map(() => 0)]));
  if (ids.length === 0) return out;
  const rows = await scope
    .opsErrorGroupDays()
    .select(["group_id", "day", sql<number>`sum(n)`.as("n")])
    .where("group_id", "in", ids)
    .where("day", ">=", days[0]!)
    .groupBy(["group_id", "day"])
    .execute();
  const index = new Map(days.map((d, i) => [d, i]));
  for (const r of rows) {
    const i = index.get(r.day);
    const series = out.get(r.group_id);
    if (i !== undefined && series) series[i] = Math.max(0, Number(r.n));
  }
  return out;
}

export async function providerLabels(scope: TenantScope): Promise<Map<string, string>> {
  const rows = await scope.integrations().select(["provider", "display_name"]).execute();
  return new Map(rows.map((r) => [r.provider, r.display_name]));
}

export async function toGroupRows(
  scope: TenantScope,
  raw: Raw[],
  labels: Map<string, string>,
  now: number,
): Promise<ErrorGroupRow[]> {
  const trend = await trends(
    scope,
    raw.map((r) => r.id),
    now,
  );
  return raw.map((r) => ({
    id: r.id,
    provider: r.provider,
    providerLabel: labels.get(r.provider) ?? r.provider,
    statusCode: r.status_code,
    shape: r.shape,
    errors: Number(r.errors),
    connections: Number(r.connections),
    tenants: Number(r.tenants),
    firstSeen: r.first_seen,
    lastSeen: r.last_seen,
    trend: trend.get(r.id) ?? [],
  }));
}

const SORTS = {
  errors: (a: Raw, b: Raw) => Number(b.errors) - Number(a.errors),
  connections: (a: Raw, b: Raw) => Number(b.connections) - Number(a.connections),
  lastSeen: (a: Raw, b: Raw) => b.last_seen.localeCompare(a.last_seen),
  firstSeen: (a: Raw, b: Raw) => a.first_seen.localeCompare(b.first_seen),
} as const;

export async function listErrorGroups(
  scope: TenantScope,
  input: ListErrorGroupsRequest = {},
  now: number = Date.now(),
  knownLabels?: Promise<Map<string, string>>,
): Promise<ListErrorGroupsResponse> {
  const [all, labels] = await Promise.all([groupRows(scope).execute(), knownLabels ?? providerLabels(scope)]);
  const q = input.q?.trim().toLowerCase();
  const providers = input.provider?.length ? new Set(input.provider) : null;
  const codes = input.statusCode?.length ? new Set(input.statusCode) : null;
  const matching = all
    .filter((r) => !providers || providers.has(r.provider))
    .filter((r) => !codes || codes.has(r.status_code ?? ""))
    .filter(
      (r) =>
        !q ||
        r.shape.toLowerCase().includes(q) ||
        r.provider.toLowerCase().includes(q) ||
        (labels.get(r.provider) ?? "").toLowerCase().includes(q) ||
        (r.status_code ?? "") === q,
    )
    .sort((a, b) => SORTS[input.sort ?? "errors"](a, b) || a.id.localeCompare(b.id));
  const limited = matching.slice(0, input.limit ?? 50);
  return {
    rows: await toGroupRows(scope, limited, labels, now),
    total: matching.length,
    providers: [...new Set(all.map((r) => r.provider))]
      .map((value) => ({ value, label: labels.get(value) ?? value }))
      .sort((a, b) => a.label.localeCompare(b.label)),
    statusCodes: [...new Set(all.map((r) => r.status_code ?? ""))].sort(),
  };
}

/**
 * One group as the scope sees it, or null when none of its errors was ever in the scope. A group
 * whose errors are all resolved is still shown (0 active), so its page survives "resolve all".
 */
export async function errorGroupRow(scope: TenantScope, id: string, now: number = Date.now()) {
  const [raw, labels] = await Promise.all([
    groupRows(scope, false).where("g.id", "=", id).execute(),
    providerLabels(scope),
  ]);
  const rows = await toGroupRows(scope, raw, labels, now);
  return rows[0] ?? null;
}
