// Every connection-list filter, in one schema and one function, so that the list, the facet
// counts, the export and bulk actions ("all rows matching the current filter") agree on what
// a filter means. All conditions are SQL on indexed columns; nothing from the client is
// interpolated.
import { sql, type SelectQueryBuilder } from "kysely";
import { z } from "zod";
import { CONNECTION_STATUSES, PLATFORMS, type Database } from "../../db/types";
import { isStaff, type SessionUser } from "../auth/session-user";
import { searchCondition } from "./search";

const DAY = 86_400_000;
const token = z.string().trim().min(1).max(100);
const dateOrTime = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);

export const ZConnectionFiltersSchema = z.object({
  /** substring search over id, name, external xref, provider, source id and tenant name */
  q: z.string().trim().max(200).optional(),
  status: z.array(z.enum(CONNECTION_STATUSES)).max(CONNECTION_STATUSES.length).optional(),
  needsRelink: z.boolean().optional(),
  userPaused: z.boolean().optional(),
  platformPaused: z.boolean().optional(),
  provider: z.array(token).max(100).optional(),
  category: z.array(token).max(50).optional(),
  platform: z.array(z.enum(PLATFORMS)).max(PLATFORMS.length).optional(),
  /** matched case-insensitively: platforms send `Production` and `production` */
  environment: z.array(token).max(20).optional(),
  /** tenant ids; staff only (others are confined to their tenant anyway, so it is ignored) */
  tenant: z.array(token).max(200).optional(),
  /** true: open_error_count > 0; false: no open errors */
  hasActiveErrors: z.boolean().optional(),
  /** auth expires between now and now + N days */
  authExpiresWithinDays: z.number().int().min(0).max(3650).optional(),
  /** last sync happened, and more than N days ago (never-synced rows are not "older") */
  lastSyncOlderThanDays: z.number().int().min(0).max(3650).optional(),
  /** created on or after this date (a bare date means 00:00 UTC) */
  createdFrom: dateOrTime.optional(),
  /** created on or before this date (a bare date includes the whole day, UTC) */
  createdTo: dateOrTime.optional(),
});
export type ConnectionFilters = z.output<typeof ZConnectionFiltersSchema>;
export type ConnectionFiltersInput = z.input<typeof ZConnectionFiltersSchema>;

type ConnectionsQuery<O> = SelectQueryBuilder<Database, "connections", O>;

const startOf = (v: string) => (v.length === 10 ? `${v}T00:00:00.000Z` : new Date(v).toISOString());
const endOf = (v: string) => (v.length === 10 ? `${v}T23:59:59.999Z` : new Date(v).toISOString());
const isoDaysFrom = (now: number, days: number) => new Date(now + days * DAY).toISOString();

/**
 * Narrows a query that starts from scopedConnections(db, user) to the rows matching
 * `filters`. Apply it before joining other tables. `now` is injectable for tests.
 */
export function applyConnectionFilters<O>(qb: ConnectionsQuery<O>, filters: ConnectionFilters, user: SessionUser, now: number = Date.now()): ConnectionsQuery<O> {
  let q = qb;
  const f = filters;
  if (f.status?.length) q = q.where("connections.status", "in", f.status);
  if (f.platform?.length) q = q.where("connections.platform", "in", f.platform);
  if (f.provider?.length) q = q.where("connections.provider", "in", f.provider);
  if (f.tenant?.length && isStaff(user)) q = q.where("connections.tenant_id", "in", f.tenant);
  if (f.environment?.length) {
    const envs = f.environment.map((e) => e.toLowerCase());
    q = q.where(sql<string>`lower(connections.environment)`, "in", envs);
  }
  if (f.category?.length) {
    // categories is a JSON array of strings; match a whole quoted element, case-insensitively.
    const cats = f.category;
    q = q.where((eb) => eb.or(cats.map((c) => eb(sql<string>`lower(connections.categories)`, "like", `%${JSON.stringify(c.toLowerCase())}%`))));
  }
  if (f.needsRelink !== undefined) q = q.where("connections.needs_relink", "=", f.needsRelink ? 1 : 0);
  if (f.userPaused !== undefined) q = q.where("connections.user_paused", "=", f.userPaused ? 1 : 0);
  if (f.platformPaused !== undefined) q = q.where("connections.platform_paused", "=", f.platformPaused ? 1 : 0);
  if (f.hasActiveErrors !== undefined) q = q.where("connections.open_error_count", f.hasActiveErrors ? ">" : "=", 0);
  if (f.authExpiresWithinDays !== undefined) {
    q = q
      .where("connections.auth_expires_at", ">=", new Date(now).toISOString())
      .where("connections.auth_expires_at", "<=", isoDaysFrom(now, f.authExpiresWithinDays));
  }
  if (f.lastSyncOlderThanDays !== undefined) {
    q = q.where("connections.last_sync_at", "<", isoDaysFrom(now, -f.lastSyncOlderThanDays));
  }
  if (f.createdFrom) q = q.where("connections.created_at", ">=", startOf(f.createdFrom));
  if (f.createdTo) q = q.where("connections.created_at", "<=", endOf(f.createdTo));
  if (f.q) q = q.where(searchCondition(q, f.q));
  return q;
}

/** Names of the filters that are set, for "these filters hide rows" messages. */
export function activeFilterNames(filters: ConnectionFilters): (keyof ConnectionFilters)[] {
  return (Object.keys(filters) as (keyof ConnectionFilters)[]).filter((k) => {
    const v = filters[k];
    return v !== undefined && v !== "" && !(Array.isArray(v) && v.length === 0);
  });
}
