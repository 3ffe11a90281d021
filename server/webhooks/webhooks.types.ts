// Request and response shapes of the webhook functions, shared by tRPC and the REST API. Field
// names are snake_case, as the REST API sends them. A secret leaves the server only in the
// answer to the call that made it (create, rotate).
import { z } from "zod";
import { EVENT_TYPES } from "../events/event-types";

export const ZEventTypeSchema = z.enum(EVENT_TYPES);

export const ZCreateWebhookEndpointRequestSchema = z.object({
  url: z.string().trim().min(1).max(2000),
  events: z.array(ZEventTypeSchema).min(1).max(EVENT_TYPES.length),
  description: z.string().trim().max(200).nullish(),
  /** Support staff only: the tenant whose events it gets; null or absent for every tenant. */
  tenant_id: z.string().max(200).nullish(),
});
export type CreateWebhookEndpointRequest = z.infer<typeof ZCreateWebhookEndpointRequestSchema>;

export const ZWebhookEndpointSchema = z.object({
  id: z.string(),
  url: z.string(),
  description: z.string().nullable(),
  events: z.array(ZEventTypeSchema),
  /** null: every tenant's events (a platform-wide endpoint) */
  tenant_id: z.string().nullable(),
  tenant_name: z.string().nullable(),
  status: z.enum(["active", "failing", "disabled"]),
  failing_since: z.string().nullable(),
  last_success_at: z.string().nullable(),
  last_failure_at: z.string().nullable(),
  created_at: z.string(),
});
export type WebhookEndpoint = z.infer<typeof ZWebhookEndpointSchema>;

export const ZEndpointWithSecretSchema = z.object({ endpoint: ZWebhookEndpointSchema, secret: z.string() });
export type EndpointWithSecret = z.infer<typeof ZEndpointWithSecretSchema>;

export const ZPageRequestSchema = z.object({
  limit: z.number().int().min(1).max(200).default(50),
  cursor: z.string().max(400).nullish(),
});
export type PageRequest = z.input<typeof ZPageRequestSchema>;

export const ZEndpointListSchema = z.object({
  data: z.array(ZWebhookEndpointSchema),
  next_cursor: z.string().nullable(),
});

export const ZDeliverySchema = z.object({
  id: z.string(),
  endpoint_id: z.string(),
  event_id: z.string().nullable(),
  event_type: z.string(),
  status: z.enum(["pending", "succeeded", "failed"]),
  attempts: z.number(),
  next_attempt_at: z.string().nullable(),
  last_attempt_at: z.string().nullable(),
  last_status_code: z.number().nullable(),
  last_duration_ms: z.number().nullable(),
  last_response_snippet: z.string().nullable(),
  last_error: z.string().nullable(),
  delivered_at: z.string().nullable(),
  created_at: z.string(),
});
export type Delivery = z.infer<typeof ZDeliverySchema>;

export const ZDeliveryListSchema = z.object({ data: z.array(ZDeliverySchema), next_cursor: z.string().nullable() });

export const ZEndpointIdRequestSchema = z.object({ id: z.string().min(1).max(200) });
export const ZDeliveriesRequestSchema = ZPageRequestSchema.extend({ endpoint_id: z.string().min(1).max(200) });
