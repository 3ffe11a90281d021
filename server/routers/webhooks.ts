// Webhook endpoints and their delivery log. Everyone signed in reads their tenant's (support
// staff: every endpoint); support staff and tenant admins change them; viewers only read.
import { z } from "zod";
import { EVENT_TYPE_DESCRIPTIONS, EVENT_TYPES } from "../events/event-types";
import { createTRPCRouter, tenantProcedure, writerProcedure } from "../trpc";
import { createWebhookEndpoint } from "../webhooks/create-endpoint";
import { deleteWebhookEndpoint } from "../webhooks/delete-endpoint";
import { listDeliveries } from "../webhooks/list-deliveries";
import { listWebhookEndpoints } from "../webhooks/list-endpoints";
import { redeliver } from "../webhooks/redeliver";
import { rotateWebhookSecret } from "../webhooks/rotate-secret";
import { sendTestEvent } from "../webhooks/send-test-event";
import {
  ZCreateWebhookEndpointRequestSchema,
  ZDeliveriesRequestSchema,
  ZDeliveryListSchema,
  ZDeliverySchema,
  ZEndpointIdRequestSchema,
  ZEndpointListSchema,
  ZEndpointWithSecretSchema,
  ZEventTypeSchema,
  ZPageRequestSchema,
} from "../webhooks/webhooks.types";

export const webhooksRouter = createTRPCRouter({
  eventTypes: tenantProcedure
    .output(z.array(z.object({ type: ZEventTypeSchema, description: z.string() })))
    .query(() => EVENT_TYPES.map((type) => ({ type, description: EVENT_TYPE_DESCRIPTIONS[type] }))),
  list: tenantProcedure
    .input(ZPageRequestSchema)
    .output(ZEndpointListSchema)
    .query(({ ctx, input }) => listWebhookEndpoints(ctx.scope, input)),
  create: writerProcedure
    .input(ZCreateWebhookEndpointRequestSchema)
    .output(ZEndpointWithSecretSchema)
    .mutation(({ ctx, input }) => createWebhookEndpoint(ctx.scope, input)),
  delete: writerProcedure
    .input(ZEndpointIdRequestSchema)
    .output(z.object({ deleted: z.literal(true) }))
    .mutation(({ ctx, input }) => deleteWebhookEndpoint(ctx.scope, input.id)),
  rotateSecret: writerProcedure
    .input(ZEndpointIdRequestSchema)
    .output(ZEndpointWithSecretSchema)
    .mutation(({ ctx, input }) => rotateWebhookSecret(ctx.scope, input.id)),
  sendTest: writerProcedure
    .input(ZEndpointIdRequestSchema)
    .output(ZDeliverySchema)
    .mutation(({ ctx, input }) => sendTestEvent(ctx.scope, input.id)),
  deliveries: tenantProcedure
    .input(ZDeliveriesRequestSchema)
    .output(ZDeliveryListSchema)
    .query(({ ctx, input }) => listDeliveries(ctx.scope, input.endpoint_id, input)),
  redeliver: writerProcedure
    .input(ZEndpointIdRequestSchema)
    .output(ZDeliverySchema)
    .mutation(({ ctx, input }) => redeliver(ctx.scope, input.id)),
});
