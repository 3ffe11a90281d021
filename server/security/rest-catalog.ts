// The REST API v1's operations (server/rest/routes), classified for the security suites the same
// way as the tRPC procedures (procedure-catalog.ts): what each reads or changes, a request naming
// another tenant's object, and a valid request on the key's own tenant. The REST isolation test
// walks REST_ROUTES and fails on an operation missing here.
import type { DB } from "../../db";
import { TenantScope } from "../scope/tenant-scope";
import { createWebhookEndpoint } from "../webhooks/create-endpoint";
import { plantedDeliveryId, plantedEndpointId } from "../webhooks/testing/plant-webhooks";
import type { SecurityFixture } from "./security-fixture";

export interface RestRequest {
  /** relative to /api/v1, with its query string */
  path: string;
  body?: unknown;
}

export interface RestProbe {
  label: string;
  expect: "not-found" | "filtered";
  request: (f: SecurityFixture) => RestRequest;
}

export interface RestCase {
  touches: string;
  foreign: RestProbe[];
  valid: (f: SecurityFixture, db: DB) => RestRequest | Promise<RestRequest>;
}

const enc = encodeURIComponent;
const foreignConnection = (f: SecurityFixture, i: 0 | 1 = 0) => enc(f.foreign.connectionIds[i]);
const foreignByPlatformId = (f: SecurityFixture) => enc(`codat:${f.foreign.platformIds[0]}`);

export const REST_CATALOG: Record<string, RestCase> = {
  "GET /connections": {
    touches: "reads connections",
    foreign: [
      {
        label: "another tenant as filter",
        expect: "filtered",
        request: (f) => ({ path: `/connections?tenant=${f.foreign.tenantId}` }),
      },
      {
        label: "another tenant's id as search",
        expect: "filtered",
        request: (f) => ({ path: `/connections?q=${foreignConnection(f)}` }),
      },
    ],
    valid: () => ({ path: "/connections?limit=100" }),
  },
  "GET /connections/{id}": {
    touches: "reads one connection",
    foreign: [
      {
        label: "another tenant's id",
        expect: "not-found",
        request: (f) => ({ path: `/connections/${foreignConnection(f)}` }),
      },
      {
        label: "another tenant's platform id",
        expect: "not-found",
        request: (f) => ({ path: `/connections/${foreignByPlatformId(f)}` }),
      },
    ],
    valid: (f) => ({ path: `/connections/${enc(f.own.connectionIds[0])}` }),
  },
  "POST /connections/{id}/pause": {
    touches: "changes a connection's pause state, writes an audit event and an outbox event",
    foreign: [
      {
        label: "another tenant's connection",
        expect: "not-found",
        request: (f) => ({ path: `/connections/${foreignConnection(f, 1)}/pause`, body: { reason: "probe" } }),
      },
    ],
    valid: (f) => ({ path: `/connections/${enc(f.own.connectionIds[1])}/pause`, body: { reason: "security suite" } }),
  },
  "POST /connections/{id}/resume": {
    touches: "changes a connection's pause state, writes an audit event and an outbox event",
    foreign: [
      {
        label: "another tenant's paused connection",
        expect: "not-found",
        request: (f) => ({ path: `/connections/${foreignConnection(f)}/resume`, body: {} }),
      },
    ],
    valid: (f) => ({ path: `/connections/${enc(f.own.connectionIds[1])}/resume`, body: {} }),
  },
  "POST /connections/{id}/relink-links": {
    touches: "creates a relink link, writes an audit event",
    foreign: [
      {
        label: "another tenant's connection",
        expect: "not-found",
        request: (f) => ({ path: `/connections/${foreignConnection(f, 1)}/relink-links`, body: {} }),
      },
    ],
    valid: (f) => ({ path: `/connections/${enc(f.own.connectionIds[1])}/relink-links`, body: {} }),
  },
  "GET /connections/{id}/relink-links": {
    touches: "reads a connection's relink links",
    foreign: [
      {
        label: "another tenant's connection",
        expect: "not-found",
        request: (f) => ({ path: `/connections/${foreignConnection(f, 1)}/relink-links` }),
      },
    ],
    valid: (f) => ({ path: `/connections/${enc(f.own.connectionIds[1])}/relink-links` }),
  },
  "POST /relink-links/{id}/revoke": {
    touches: "revokes a relink link, writes an audit event",
    foreign: [
      {
        label: "another tenant's link",
        expect: "not-found",
        request: (f) => ({ path: `/relink-links/${enc(f.foreign.linkId)}/revoke`, body: {} }),
      },
    ],
    valid: async (f, db) => {
      const open = await db
        .selectFrom("relink_links")
        .select("id")
        .where("connection_id", "=", f.own.connectionIds[1])
        .where("used_at", "is", null)
        .where("revoked_at", "is", null)
        .executeTakeFirst();
      return { path: `/relink-links/${enc(open?.id ?? f.own.linkId)}/revoke`, body: {} };
    },
  },
  "GET /connections/{id}/credentials": {
    touches: "reads a connection's decrypted credentials (credentials:read), writes an audit event",
    foreign: [
      {
        label: "another tenant's connection",
        expect: "not-found",
        request: (f) => ({ path: `/connections/${foreignConnection(f)}/credentials` }),
      },
      {
        label: "another tenant's platform id",
        expect: "not-found",
        request: (f) => ({ path: `/connections/${foreignByPlatformId(f)}/credentials` }),
      },
    ],
    valid: (f) => ({ path: `/connections/${enc(f.own.connectionIds[0])}/credentials` }),
  },
  "POST /connections/{id}/runs": {
    touches: "records a run request with the last run's parameters, writes an audit event",
    foreign: [
      {
        label: "another tenant's connection",
        expect: "not-found",
        request: (f) => ({ path: `/connections/${foreignConnection(f)}/runs`, body: {} }),
      },
    ],
    valid: (f) => ({ path: `/connections/${enc(f.own.connectionIds[0])}/runs`, body: {} }),
  },
  "GET /run-requests": {
    touches: "reads run requests",
    foreign: [
      {
        label: "another tenant's connection as filter",
        expect: "not-found",
        request: (f) => ({ path: `/run-requests?connection=${foreignConnection(f)}` }),
      },
      { label: "no filter", expect: "filtered", request: () => ({ path: "/run-requests" }) },
    ],
    valid: () => ({ path: "/run-requests" }),
  },
  "GET /error-groups": {
    touches: "reads error groups (operations summaries)",
    foreign: [
      { label: "no filter (own tenant's groups only)", expect: "filtered", request: () => ({ path: "/error-groups" }) },
    ],
    valid: () => ({ path: "/error-groups?sort=connections&limit=5" }),
  },
  "GET /webhook-endpoints": {
    touches: "reads webhook endpoints",
    foreign: [
      {
        label: "no filter (own tenant's endpoints only)",
        expect: "filtered",
        request: () => ({ path: "/webhook-endpoints" }),
      },
    ],
    valid: () => ({ path: "/webhook-endpoints" }),
  },
  "POST /webhook-endpoints": {
    touches: "adds a webhook endpoint, writes an audit event",
    foreign: [
      {
        label: "another tenant named as the endpoint's tenant",
        expect: "not-found",
        request: (f) => ({
          path: "/webhook-endpoints",
          body: { url: "https://hooks.example.com/x", events: ["connection.paused"], tenant_id: f.foreign.tenantId },
        }),
      },
    ],
    valid: () => ({
      path: "/webhook-endpoints",
      body: { url: "https://hooks.example.com/own", events: ["connection.paused"] },
    }),
  },
  "GET /webhook-endpoints/{id}": {
    touches: "reads one webhook endpoint",
    foreign: [
      {
        label: "another tenant's endpoint",
        expect: "not-found",
        request: (f) => ({ path: `/webhook-endpoints/${plantedEndpointId(f.foreign.tenantId)}` }),
      },
      {
        label: "a platform-wide endpoint",
        expect: "not-found",
        request: () => ({ path: `/webhook-endpoints/${plantedEndpointId(null)}` }),
      },
    ],
    valid: (f) => ({ path: `/webhook-endpoints/${plantedEndpointId(f.own.tenantId)}` }),
  },
  "DELETE /webhook-endpoints/{id}": {
    touches: "deletes a webhook endpoint and its delivery log, writes an audit event",
    foreign: [
      {
        label: "another tenant's endpoint",
        expect: "not-found",
        request: (f) => ({ path: `/webhook-endpoints/${plantedEndpointId(f.foreign.tenantId)}` }),
      },
    ],
    // A fresh endpoint of its own, so the planted one stays for the operations after this one.
    valid: async (f, db) => {
      const scope = TenantScope.unscopedForApiKey(db, { id: "catalog", name: "catalog", tenantId: f.own.tenantId });
      const { endpoint } = await createWebhookEndpoint(scope, {
        url: "https://hooks.example.com/to-delete",
        events: ["connection.paused"],
      });
      return { path: `/webhook-endpoints/${endpoint.id}` };
    },
  },
  "POST /webhook-endpoints/{id}/rotate-secret": {
    touches: "replaces an endpoint's signing secret, writes an audit event",
    foreign: [
      {
        label: "another tenant's endpoint",
        expect: "not-found",
        request: (f) => ({
          path: `/webhook-endpoints/${plantedEndpointId(f.foreign.tenantId)}/rotate-secret`,
          body: {},
        }),
      },
    ],
    valid: (f) => ({ path: `/webhook-endpoints/${plantedEndpointId(f.own.tenantId)}/rotate-secret`, body: {} }),
  },
  "POST /webhook-endpoints/{id}/test": {
    touches: "queues a test delivery",
    foreign: [
      {
        label: "another tenant's endpoint",
        expect: "not-found",
        request: (f) => ({ path: `/webhook-endpoints/${plantedEndpointId(f.foreign.tenantId)}/test`, body: {} }),
      },
    ],
    valid: (f) => ({ path: `/webhook-endpoints/${plantedEndpointId(f.own.tenantId)}/test`, body: {} }),
  },
  "GET /webhook-endpoints/{id}/deliveries": {
    touches: "reads an endpoint's delivery log",
    foreign: [
      {
        label: "another tenant's endpoint",
        expect: "not-found",
        request: (f) => ({ path: `/webhook-endpoints/${plantedEndpointId(f.foreign.tenantId)}/deliveries` }),
      },
    ],
    valid: (f) => ({ path: `/webhook-endpoints/${plantedEndpointId(f.own.tenantId)}/deliveries` }),
  },
  "POST /deliveries/{id}/redeliver": {
    touches: "queues a delivery again",
    foreign: [
      {
        label: "another tenant's delivery",
        expect: "not-found",
        request: (f) => ({ path: `/deliveries/${plantedDeliveryId(f.foreign.tenantId)}/redeliver`, body: {} }),
      },
    ],
    valid: (f) => ({ path: `/deliveries/${plantedDeliveryId(f.own.tenantId)}/redeliver`, body: {} }),
  },
  "GET /events": {
    touches: "reads events",
    foreign: [
      {
        label: "no filter (own tenant's events only)",
        expect: "filtered",
        request: () => ({ path: "/events?limit=500" }),
      },
    ],
    valid: () => ({ path: "/events" }),
  },
};
