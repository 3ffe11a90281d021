// Webhook endpoints over REST (scope webhooks:manage): the functions the console's Webhooks page
// uses (server/webhooks). A tenant-bound key manages its tenant's endpoints, which get that
// tenant's events only; a platform-wide key's endpoints get every tenant's unless they name one.
import { z } from "zod";
import { NotFoundError } from "../../errors";
import { createWebhookEndpoint } from "../../webhooks/create-endpoint";
import { deleteWebhookEndpoint } from "../../webhooks/delete-endpoint";
import { findEndpoint } from "../../webhooks/endpoint-view";
import { listDeliveries } from "../../webhooks/list-deliveries";
import { listWebhookEndpoints } from "../../webhooks/list-endpoints";
import { redeliver } from "../../webhooks/redeliver";
import { rotateWebhookSecret } from "../../webhooks/rotate-secret";
import { sendTestEvent } from "../../webhooks/send-test-event";
import {
  ZCreateWebhookEndpointRequestSchema,
  ZDeliverySchema,
  ZWebhookEndpointSchema,
} from "../../webhooks/webhooks.types";
import { defineRoute, noBody, noParams, noQuery } from "../rest-route";
import { pageOf, queryInteger, ZCursorParam } from "../rest-schemas";

const ZEndpoint = ZWebhookEndpointSchema.meta({ id: "WebhookEndpoint" });
const ZDelivery = ZDeliverySchema.meta({ id: "WebhookDelivery" });
const ZEndpointWithSecret = ZWebhookEndpointSchema.extend({
  secret: z.string().meta({ description: "The signing secret (`whsec_…`): shown in this answer only" }),
}).meta({ id: "WebhookEndpointWithSecret" });

const ZEndpointParams = z.object({
  id: z.string().min(1).max(200).meta({ description: "The endpoint's id (`whe_…`)" }),
});
const ZPageQuery = z.object({
  limit: queryInteger(z.number().int().min(1).max(200)).default(50).meta({ description: "1 to 200; default 50" }),
  cursor: ZCursorParam,
});
const create = ZCreateWebhookEndpointRequestSchema.shape;

const withSecret = ({ endpoint, secret }: { endpoint: z.input<typeof ZWebhookEndpointSchema>; secret: string }) => ({
  ...endpoint,
  secret,
});

export const listWebhookEndpointsRoute = defineRoute({
  method: "GET",
  path: "/webhook-endpoints",
  operationId: "listWebhookEndpoints",
  tag: "Webhooks",
  summary: "List webhook endpoints",
  description: "Newest first, with each endpoint's state (`failing` after 24 hours of failed deliveries).",
  scope: "webhooks:manage",
  params: noParams,
  query: ZPageQuery,
  body: noBody,
  success: { status: 200, description: "One page of endpoints", schema: pageOf(ZEndpoint, "WebhookEndpointPage") },
  problems: [400],
  run: async ({ scope }, { query }) => listWebhookEndpoints(scope, query),
});

export const createWebhookEndpointRoute = defineRoute({
  method: "POST",
  path: "/webhook-endpoints",
  operationId: "createWebhookEndpoint",
  tag: "Webhooks",
  summary: "Add a webhook endpoint",
  description:
    "Subscribes an http(s) URL to event types. Deliveries are signed the Standard Webhooks way (`webhook-id`, " +
    "`webhook-timestamp`, `webhook-signature: v1,<base64 HMAC-SHA256>`) with the `secret` in this answer, which is " +
    "never shown again.",
  scope: "webhooks:manage",
  params: noParams,
  query: noQuery,
  body: z.strictObject({
    url: create.url.meta({ description: "Where to POST events: an absolute http(s) URL" }),
    events: create.events.meta({ description: "The event types to receive" }),
    description: create.description,
    tenant_id: create.tenant_id.meta({
      description: "Platform-wide keys only: the tenant whose events it gets; absent for every tenant",
    }),
  }),
  success: { status: 201, description: "The endpoint, with its signing secret", schema: ZEndpointWithSecret },
  problems: [400, 404, 422],
  run: async ({ scope }, { body }) => withSecret(await createWebhookEndpoint(scope, body)),
});

export const getWebhookEndpointRoute = defineRoute({
  method: "GET",
  path: "/webhook-endpoints/{id}",
  operationId: "getWebhookEndpoint",
  tag: "Webhooks",
  summary: "Get a webhook endpoint",
  scope: "webhooks:manage",
  params: ZEndpointParams,
  query: noQuery,
  body: noBody,
  success: { status: 200, description: "The endpoint", schema: ZEndpoint },
  problems: [404],
  run: async ({ scope }, { params }) => {
    const endpoint = await findEndpoint(scope, params.id);
    if (!endpoint) throw new NotFoundError("Webhook endpoint");
    return endpoint;
  },
});

export const deleteWebhookEndpointRoute = defineRoute({
  method: "DELETE",
  path: "/webhook-endpoints/{id}",
  operationId: "deleteWebhookEndpoint",
  tag: "Webhooks",
  summary: "Delete a webhook endpoint",
  description: "Its deliveries stop at once; its delivery log goes with it.",
  scope: "webhooks:manage",
  params: ZEndpointParams,
  query: noQuery,
  body: noBody,
  success: {
    status: 200,
    description: "Deleted",
    schema: z.object({ id: z.string(), deleted: z.literal(true) }).meta({ id: "DeleteResult" }),
  },
  problems: [404],
  run: async ({ scope }, { params }) => ({ id: params.id, ...(await deleteWebhookEndpoint(scope, params.id)) }),
});

export const rotateWebhookSecretRoute = defineRoute({
  method: "POST",
  path: "/webhook-endpoints/{id}/rotate-secret",
  operationId: "rotateWebhookSecret",
  tag: "Webhooks",
  summary: "Rotate an endpoint's signing secret",
  description: "A new secret, shown in this answer only; deliveries carry signatures with both for a while.",
  scope: "webhooks:manage",
  params: ZEndpointParams,
  query: noQuery,
  body: z.strictObject({}),
  success: { status: 200, description: "The endpoint, with its new secret", schema: ZEndpointWithSecret },
  problems: [404, 422],
  run: async ({ scope }, { params }) => withSecret(await rotateWebhookSecret(scope, params.id)),
});

export const testWebhookEndpointRoute = defineRoute({
  method: "POST",
  path: "/webhook-endpoints/{id}/test",
  operationId: "testWebhookEndpoint",
  tag: "Webhooks",
  summary: "Send a test event",
  description: "Queues a signed `webhook.test` message for this endpoint; follow it in the delivery log.",
  scope: "webhooks:manage",
  params: ZEndpointParams,
  query: noQuery,
  body: z.strictObject({}),
  success: { status: 201, description: "The queued delivery", schema: ZDelivery },
  problems: [404, 422],
  run: async ({ scope }, { params }) => sendTestEvent(scope, params.id),
});

export const listDeliveriesRoute = defineRoute({
  method: "GET",
  path: "/webhook-endpoints/{id}/deliveries",
  operationId: "listWebhookDeliveries",
  tag: "Webhooks",
  summary: "List an endpoint's deliveries",
  description: "Newest first: status, attempts, the receiver's status code, duration and the start of its answer.",
  scope: "webhooks:manage",
  params: ZEndpointParams,
  query: ZPageQuery,
  body: noBody,
  success: { status: 200, description: "One page of deliveries", schema: pageOf(ZDelivery, "WebhookDeliveryPage") },
  problems: [404],
  run: async ({ scope }, { params, query }) => listDeliveries(scope, params.id, query),
});

export const redeliverRoute = defineRoute({
  method: "POST",
  path: "/deliveries/{id}/redeliver",
  operationId: "redeliverWebhook",
  tag: "Webhooks",
  summary: "Deliver a message again",
  description: "Queues the same message (same `webhook-id`) for its endpoint once more.",
  scope: "webhooks:manage",
  params: z.object({ id: z.string().min(1).max(200).meta({ description: "The delivery's id" }) }),
  query: noQuery,
  body: z.strictObject({}),
  success: { status: 201, description: "The queued delivery", schema: ZDelivery },
  problems: [404, 409, 422],
  run: async ({ scope }, { params }) => redeliver(scope, params.id),
});
