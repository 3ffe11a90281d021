// Everything the home page shows, read in parallel from the operations summaries.
import { listErrorGroups, providerLabels } from "../error-groups/list-error-groups";
import type { TenantScope } from "../scope/tenant-scope";
import { connectionCounts } from "./connection-counts";
import { errorDays } from "./error-days";
import { HOME_CHART_DAYS, HOME_EXPIRING_DAYS, type HomeRequest, type HomeSummary } from "./home.types";
import { recentActivity } from "./recent-activity";
import { countExpiringWithin, countStale } from "./time-window-counts";

const TOP_GROUPS = 5;
const ACTIVITY = 8;

export async function homeSummary(
  scope: TenantScope,
  input: HomeRequest,
  now: number = Date.now(),
): Promise<HomeSummary> {
  // The provider names are read once for the cards' chart and the groups.
  const labels = providerLabels(scope);
  const [counts, expiringSoon, stale, days, groups, activity] = await Promise.all([
    connectionCounts(scope, labels),
    countExpiringWithin(scope, HOME_EXPIRING_DAYS, now),
    countStale(scope, input.staleDays, now),
    errorDays(scope, HOME_CHART_DAYS, now),
    listErrorGroups(scope, { sort: "errors", limit: TOP_GROUPS }, now, labels),
    recentActivity(scope, ACTIVITY),
  ]);
  return {
    now: new Date(now).toISOString(),
    staleDays: input.staleDays,
    expiringDays: HOME_EXPIRING_DAYS,
    ...counts,
    expiringSoon,
    stale,
    errorDays: days,
    topGroups: groups.rows,
    recentActivity: activity,
  };
}
