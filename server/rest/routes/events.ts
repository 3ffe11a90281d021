// GET /events: the webhooks' events for platforms that prefer to pull (server/events/list-events.ts).
// Reading what happened to connections needs connections:read, like reading the connections.
import { z } from "zod";
import { listEvents, ZEventListSchema, ZListEventsRequestSchema } from "../../events/list-events";
import { defineRoute, noBody, noParams } from "../rest-route";
import { queryInteger } from "../rest-schemas";

export const listEventsRoute = defineRoute({
  method: "GET",
  path: "/events",
  operationId: "listEvents",
  tag: "Events",
  summary: "List events",
  description:
    "The same events the webhooks send, in commit order. Start with no `after` (or 0), then pass `next_cursor` " +
    "as `after`; an empty page still returns the cursor to poll with. A tenant-bound key sees its tenant's events.",
  scope: "connections:read",
  params: noParams,
  query: z.object({
    after: ZListEventsRequestSchema.shape.after.unwrap().unwrap().optional().meta({
      description: "The `next_cursor` of the previous page",
    }),
    limit: queryInteger(z.number().int().min(1).max(500)).default(100).meta({ description: "1 to 500; default 100" }),
  }),
  body: noBody,
  success: { status: 200, description: "One page of events", schema: ZEventListSchema.meta({ id: "EventPage" }) },
  problems: [400],
  run: async ({ scope }, { query }) => listEvents(scope, query),
});
