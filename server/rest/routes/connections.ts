// GET /connections and GET /connections/{id}: the console list's filters, search and sorts, and
// one connection, through the same domain functions as the console (listConnections,
// getConnection).
import { z } from "zod";
import { getConnection } from "../../connections/detail/get-connection";
import { ZConnectionDetailSchema } from "../../connections/detail/detail.types";
import { ZConnectionFiltersSchema } from "../../connections/list/filters.types";
import { listConnections } from "../../connections/list/list-connections";
import {
  SORT_COLUMNS,
  ZConnectionListRowSchema,
  ZListConnectionsRequestSchema,
} from "../../connections/list/list.types";
import { resolveConnectionRef, ZConnectionPathParams } from "../connection-ref";
import { defineRoute, invalidInput, noBody, noParams } from "../rest-route";
import { pageOf, queryBoolean, queryInteger, ZCursorParam } from "../rest-schemas";

const filters = ZConnectionFiltersSchema.shape;
const days = (rule: z.ZodOptional<z.ZodNumber>) => queryInteger(rule.unwrap()).optional();

/** The list's query parameters, snake_case, with the list's own rules for each value. */
const ZListConnectionsQuery = z.object({
  q: filters.q.meta({
    description: "Substring search over id, name, external xref, provider, source id and tenant name",
  }),
  status: filters.status,
  needs_relink: queryBoolean.optional(),
  user_paused: queryBoolean.optional().meta({ description: "Paused in the console (or over this API)" }),
  platform_paused: queryBoolean.optional().meta({ description: "Paused by the platform itself" }),
  provider: filters.provider,
  category: filters.category,
  platform: filters.platform,
  environment: filters.environment,
  tenant: filters.tenant.meta({ description: "Tenant ids; only for a key that is not bound to one tenant" }),
  has_active_errors: queryBoolean.optional(),
  auth_expires_within_days: days(filters.authExpiresWithinDays),
  last_sync_older_than_days: days(filters.lastSyncOlderThanDays),
  created_from: filters.createdFrom.meta({ description: "A date (00:00 UTC) or an ISO date-time" }),
  created_to: filters.createdTo.meta({ description: "A date (the whole day, UTC) or an ISO date-time" }),
  sort: z.enum(SORT_COLUMNS).default("updated_at"),
  order: z.enum(["asc", "desc"]).default("desc"),
  limit: z
    .enum(["25", "50", "100"])
    .default("25")
    .transform((v) => (v === "100" ? 100 : v === "50" ? 50 : 25))
    .meta({ description: "Page size: 25, 50 or 100" }),
  cursor: ZCursorParam,
});

/** REST names of the domain's fields, to name them back in a problem. */
const REST_NAMES: Record<string, string> = {
  needsRelink: "needs_relink",
  userPaused: "user_paused",
  platformPaused: "platform_paused",
  hasActiveErrors: "has_active_errors",
  authExpiresWithinDays: "auth_expires_within_days",
  lastSyncOlderThanDays: "last_sync_older_than_days",
  createdFrom: "created_from",
  createdTo: "created_to",
  dir: "order",
};

export const listConnectionsRoute = defineRoute({
  method: "GET",
  path: "/connections",
  operationId: "listConnections",
  tag: "Connections",
  summary: "List connections",
  description:
    "The console's connection list: the same filters, search and sorts, a page at a time. List parameters take " +
    "repeated keys or commas (`status=error,expired`). A tenant-bound key sees its tenant's connections only.",
  scope: "connections:read",
  params: noParams,
  query: ZListConnectionsQuery,
  body: noBody,
  success: {
    status: 200,
    description: "One page of connections",
    schema: pageOf(ZConnectionListRowSchema, "ConnectionPage"),
  },
  problems: [400],
  run: async ({ scope }, { query }) => {
    const parsed = ZListConnectionsRequestSchema.safeParse({
      q: query.q,
      status: query.status,
      needsRelink: query.needs_relink,
      userPaused: query.user_paused,
      platformPaused: query.platform_paused,
      provider: query.provider,
      category: query.category,
      platform: query.platform,
      environment: query.environment,
      tenant: query.tenant,
      hasActiveErrors: query.has_active_errors,
      authExpiresWithinDays: query.auth_expires_within_days,
      lastSyncOlderThanDays: query.last_sync_older_than_days,
      createdFrom: query.created_from,
      createdTo: query.created_to,
      sort: query.sort,
      dir: query.order,
      limit: query.limit,
      cursor: query.cursor,
      direction: "forward",
    });
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => ({
        ...i,
        path: i.path.map((p) => (typeof p === "string" ? (REST_NAMES[p] ?? p) : p)),
      }));
      throw invalidInput(issues, "query");
    }
    const page = await listConnections(scope, parsed.data);
    return { data: page.rows, next_cursor: page.nextCursor };
  },
});

export const getConnectionRoute = defineRoute({
  method: "GET",
  path: "/connections/{id}",
  operationId: "getConnection",
  tag: "Connections",
  summary: "Get a connection",
  description:
    "One connection, by the console's id or `platform:platform_id`. Never its credentials (see " +
    "`GET /connections/{id}/credentials`); secret-named keys in JSON documents read `•••• (redacted)`.",
  scope: "connections:read",
  params: ZConnectionPathParams,
  query: z.object({}),
  body: noBody,
  success: { status: 200, description: "The connection", schema: ZConnectionDetailSchema.meta({ id: "Connection" }) },
  problems: [404],
  run: async ({ scope }, { params }) => getConnection(scope, await resolveConnectionRef(scope, params.id)),
});
