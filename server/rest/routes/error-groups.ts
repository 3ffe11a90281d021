// GET /error-groups: active errors grouped across connections by provider, status code and
// message shape, as the console's error groups page shows them (listErrorGroups), for the key's
// tenant (or every tenant for a platform-wide key). A group's connections are the console
// list at /connections?group={id}.
import { z } from "zod";
import { listErrorGroups } from "../../error-groups/list-error-groups";
import { ERROR_GROUP_SORTS } from "../../error-groups/error-groups.types";
import { defineRoute, noBody, noParams } from "../rest-route";
import { queryInteger } from "../rest-schemas";

const list = z
  .union([z.string().trim().min(1).max(100), z.array(z.string().trim().min(1).max(100)).max(50)])
  .transform((v) => (Array.isArray(v) ? v : v.split(",")))
  .optional();

const ZErrorGroup = z
  .object({
    id: z.string(),
    provider: z.string(),
    provider_name: z.string(),
    status_code: z.string().nullable(),
    message_shape: z
      .string()
      .meta({ description: "The message with ids, numbers, e-mails, URLs and times as placeholders" }),
    errors: z.number().meta({ description: "Active errors in the group" }),
    connections: z.number().meta({ description: "Connections with at least one of them" }),
    tenants: z.number(),
    first_seen: z.string(),
    last_seen: z.string(),
    trend: z.array(z.number()).meta({ description: "New errors per UTC day, the last 14 days, oldest first" }),
  })
  .meta({ id: "ErrorGroup" });

export const listErrorGroupsRoute = defineRoute({
  method: "GET",
  path: "/error-groups",
  operationId: "listErrorGroups",
  tag: "Error groups",
  summary: "List error groups",
  description: "Active errors grouped by provider, status code and message shape; most errors first by default.",
  scope: "connections:read",
  params: noParams,
  query: z.object({
    q: z.string().trim().max(200).optional().meta({ description: "Text in the message shape or the provider" }),
    provider: list,
    status_code: list,
    sort: z.enum(ERROR_GROUP_SORTS).default("errors"),
    limit: queryInteger(z.number().int().min(1).max(500)).default(50).meta({ description: "1 to 500; default 50" }),
  }),
  body: noBody,
  success: {
    status: 200,
    description: "The matching groups",
    schema: z.object({ data: z.array(ZErrorGroup), total: z.number() }).meta({ id: "ErrorGroupList" }),
  },
  problems: [400],
  run: async ({ scope }, { query }) => {
    const page = await listErrorGroups(scope, {
      q: query.q,
      provider: query.provider,
      statusCode: query.status_code,
      sort: query.sort,
      limit: query.limit,
    });
    return {
      total: page.total,
      data: page.rows.map((g) => ({
        id: g.id,
        provider: g.provider,
        provider_name: g.providerLabel,
        status_code: g.statusCode,
        message_shape: g.shape,
        errors: g.errors,
        connections: g.connections,
        tenants: g.tenants,
        first_seen: g.firstSeen,
        last_seen: g.lastSeen,
        trend: g.trend,
      })),
    };
  },
});
