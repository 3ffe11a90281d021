// Cards and the provider × status chart from ops_connection_counts: one row per tenant ×
// provider × status (a few hundred rows for a million connections).
import { sql } from "kysely";
import { CONNECTION_STATUSES, type ConnectionStatus } from "../../db/types";
import { providerLabels } from "../error-groups/list-error-groups";
import type { TenantScope } from "../scope/tenant-scope";
import type { ProviderStatus } from "./home.types";

const TOP_PROVIDERS = 10;

export interface ConnectionCounts {
  total: number;
  byStatus: { status: ConnectionStatus; n: number }[];
  needsRelink: number;
  userPaused: number;
  platformPaused: number;
  withErrors: number;
  providerStatus: ProviderStatus[];
}

const zeroStatuses = () =>
  Object.fromEntries(CONNECTION_STATUSES.map((s) => [s, 0])) as Record<ConnectionStatus, number>;

export async function connectionCounts(
  scope: TenantScope,
  labels?: Promise<Map<string, string>>,
): Promise<ConnectionCounts> {
  const [rows, label] = await Promise.all([
    scope
      .opsConnectionCounts()
      .select([
        "provider",
        "status",
        sql<number>`sum(n)`.as("n"),
        sql<number>`sum(needs_relink)`.as("needs_relink"),
        sql<number>`sum(user_paused)`.as("user_paused"),
        sql<number>`sum(platform_paused)`.as("platform_paused"),
        sql<number>`sum(with_errors)`.as("with_errors"),
      ])
      .where("n", ">", 0)
      .groupBy(["provider", "status"])
      .execute(),
    labels ?? providerLabels(scope),
  ]);
  const byStatus = zeroStatuses();
  const byProvider = new Map<string, Record<ConnectionStatus, number>>();
  const out = { total: 0, needsRelink: 0, userPaused: 0, platformPaused: 0, withErrors: 0 };
  for (const r of rows) {
    const n = Number(r.n);
    out.total += n;
    out.needsRelink += Number(r.needs_relink);
    out.userPaused += Number(r.user_paused);
    out.platformPaused += Number(r.platform_paused);
    out.withErrors += Number(r.with_errors);
    byStatus[r.status] += n;
    const p = byProvider.get(r.provider) ?? zeroStatuses();
    p[r.status] += n;
    byProvider.set(r.provider, p);
  }
  const providers = [...byProvider]
    .map(([provider, counts]) => ({
      provider,
      label: label.get(provider) ?? provider,
      total: Object.values(counts).reduce((a, b) => a + b, 0),
      byStatus: counts,
    }))
    .sort((a, b) => b.total - a.total || a.provider.localeCompare(b.provider));
  const providerStatus = providers.slice(0, TOP_PROVIDERS);
  const rest = providers.slice(TOP_PROVIDERS);
  if (rest.length > 0) {
    const other = zeroStatuses();
    for (const p of rest) for (const s of CONNECTION_STATUSES) other[s] += p.byStatus[s];
    providerStatus.push({
      provider: "",
      label: `${rest.length} other providers`,
      total: rest.reduce((a, p) => a + p.total, 0),
      byStatus: other,
    });
  }
  return {
    ...out,
    byStatus: CONNECTION_STATUSES.map((status) => ({ status, n: byStatus[status] })),
    providerStatus,
  };
}
