// The webhooks and mailbox routers in the security suites' procedure catalogue: who may call each
// procedure, a probe naming another tenant's (or the platform's) endpoint or delivery, and a valid input.
import type { ProcedureCase } from "../../security/procedure-catalog";
import { scopeAs } from "../../test/callers";
import { createWebhookEndpoint } from "../create-endpoint";
import { plantedDeliveryId, plantedEndpointId } from "./plant-webhooks";

const ownTenant = (tenantId: string | null, fixtureTenant: string) => (tenantId === null ? null : fixtureTenant);

const foreignEndpoint = (key: "id" | "endpoint_id"): ProcedureCase["foreign"] => [
  {
    label: "another tenant's endpoint",
    owner: "tenant",
    expect: "not-found",
    input: (f) => ({ [key]: plantedEndpointId(f.foreign.tenantId) }),
  },
  {
    label: "a platform-wide endpoint",
    owner: "tenant",
    expect: "not-found",
    input: () => ({ [key]: plantedEndpointId(null) }),
  },
];

export const WEBHOOK_PROCEDURE_CASES: Record<string, ProcedureCase> = {
  "webhooks.eventTypes": {
    access: "signed-in",
    touches: "reads the event type catalogue",
    foreign: [{ label: "no input (no tenant data)", owner: "tenant", expect: "filtered", input: () => undefined }],
    valid: () => undefined,
  },
  "webhooks.list": {
    access: "signed-in",
    touches: "reads the endpoints of the caller's tenant (staff: all)",
    foreign: [{ label: "every endpoint visible", owner: "tenant", expect: "filtered", input: () => ({ limit: 200 }) }],
    valid: () => ({ limit: 20 }),
  },
  "webhooks.create": {
    access: "writer",
    touches: "creates an endpoint with a signing secret, writes an audit event",
    foreign: [
      {
        label: "an endpoint for another tenant",
        owner: "tenant",
        expect: "not-found",
        input: (f) => ({
          url: "https://hooks.example.com/probe",
          events: ["connection.paused"],
          tenant_id: f.foreign.tenantId,
        }),
      },
    ],
    valid: () => ({ url: "https://hooks.example.com/valid", events: ["connection.paused"] }),
  },
  "webhooks.delete": {
    access: "writer",
    touches: "deletes an endpoint and its delivery log, writes an audit event",
    foreign: foreignEndpoint("id"),
    valid: async ({ db, user }) => {
      const made = await createWebhookEndpoint(scopeAs(db, user), {
        url: "https://hooks.example.com/to-delete",
        events: ["connection.paused"],
      });
      return { id: made.endpoint.id };
    },
  },
  "webhooks.rotateSecret": {
    access: "writer",
    touches: "replaces an endpoint's signing secret, writes an audit event",
    foreign: foreignEndpoint("id"),
    valid: ({ f, user }) => ({ id: plantedEndpointId(ownTenant(user.tenantId, f.own.tenantId)) }),
  },
  "webhooks.sendTest": {
    access: "writer",
    touches: "queues a test message for an endpoint",
    foreign: foreignEndpoint("id"),
    valid: ({ f, user }) => ({ id: plantedEndpointId(ownTenant(user.tenantId, f.own.tenantId)) }),
  },
  "webhooks.deliveries": {
    access: "signed-in",
    touches: "reads an endpoint's delivery log",
    foreign: foreignEndpoint("endpoint_id"),
    valid: ({ f, user }) => ({ endpoint_id: plantedEndpointId(ownTenant(user.tenantId, f.own.tenantId)), limit: 20 }),
  },
  "webhooks.redeliver": {
    access: "writer",
    touches: "queues a delivery again",
    foreign: [
      {
        label: "another tenant's delivery",
        owner: "tenant",
        expect: "not-found",
        input: (f) => ({ id: plantedDeliveryId(f.foreign.tenantId) }),
      },
      {
        label: "a platform-wide endpoint's delivery",
        owner: "tenant",
        expect: "not-found",
        input: () => ({ id: plantedDeliveryId(null) }),
      },
    ],
    valid: ({ f, user }) => ({ id: plantedDeliveryId(ownTenant(user.tenantId, f.own.tenantId)) }),
  },
  "mailbox.list": {
    access: "staff",
    touches: "reads the local mailbox (relink e-mails kept without SMTP)",
    foreign: [
      { label: "every tenant's mail (staff only)", owner: "tenant", expect: "filtered", input: () => ({ limit: 100 }) },
    ],
    valid: () => ({ limit: 20 }),
  },
};
