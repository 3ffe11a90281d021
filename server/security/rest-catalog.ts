// The REST API v1's operations (server/rest/routes), classified for the security suites the same
// way as the tRPC procedures (procedure-catalog.ts): what each reads or changes, a request naming
// another tenant's object, and a valid request on the key's own tenant. The REST isolation test
// walks REST_ROUTES and fails on an operation missing here.
import type { DB } from "../../db";
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
};
