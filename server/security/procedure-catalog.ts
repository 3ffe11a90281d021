// THE classification of every tRPC procedure for the security suites: who may call it, what it
// reads or changes, how to build an input that names another tenant's (or another user's) object,
// and a valid input for a caller's own data. The isolation matrix walks appRouter and fails on
// any procedure missing here, so a procedure added later cannot slip past the suites: adding it
// to the router without a line here is a red test.
import type { DB } from "../../db";
import { errorGroupId } from "../../db/sql-functions";
import type { SessionUser } from "../auth/session-user";
import type { SecurityFixture } from "./security-fixture";
import { WEBHOOK_PROCEDURE_CASES } from "../webhooks/testing/webhook-procedure-cases";
import { ALERT_PROCEDURE_CASES } from "../alerts/testing/alert-procedure-cases";

/** Who may call a procedure at all (the procedure builder in server/trpc.ts). */
export type Access = "signed-in" | "writer" | "staff";

/**
 * An input naming something the caller must not reach.
 * - owner "tenant": another tenant's object. Support staff see every tenant by design, so the
 *   probe applies to tenant users only.
 * - owner "user": another user's saved view or preferences: nobody else, support included.
 * - expect "not-found": the answer is NOT_FOUND; "filtered": the call may succeed, but the
 *   answer holds none of the other's data and nothing of theirs changes.
 */
export interface ForeignProbe {
  label: string;
  owner: "tenant" | "user";
  expect: "not-found" | "filtered";
  input: (f: SecurityFixture) => unknown;
}

export interface ValidContext {
  f: SecurityFixture;
  db: DB;
  user: SessionUser;
}

export interface ProcedureCase {
  access: Access;
  /** what it reads or changes, in a few words */
  touches: string;
  foreign: ForeignProbe[];
  /** an input that succeeds for `user` on their own tenant's objects */
  valid: (c: ValidContext) => unknown;
}

const version = async (db: DB, id: string) =>
  (await db.selectFrom("connections").select("version").where("id", "=", id).executeTakeFirstOrThrow()).version;
const paused = async (db: DB, id: string) =>
  (await db.selectFrom("connections").select("user_paused").where("id", "=", id).executeTakeFirstOrThrow())
    .user_paused === 1;

const foreignConnection = (label = "another tenant's connection"): ForeignProbe[] => [
  { label, owner: "tenant", expect: "not-found", input: (f) => ({ connectionId: f.foreign.connectionIds[0] }) },
];
const table = { table: "connections" as const };
// server/test/detail-fixture.ts gives every tenant's first connection these active errors.
const SHARED_AUTH_GROUP = errorGroupId("xero", "401", "invalid_grant: refresh token has been revoked or has expired");
const SHARED_RATE_GROUP = errorGroupId("xero", "429", "Rate limit exceeded (3)");
const OTHER_GROUP = errorGroupId("xero", "500", "Only elsewhere");

export const PROCEDURE_CATALOG: Record<string, ProcedureCase> = {
  "me.get": {
    access: "signed-in",
    touches: "reads the caller's own session user",
    foreign: [{ label: "no input (own user only)", owner: "user", expect: "filtered", input: () => undefined }],
    valid: () => undefined,
  },
  "views.list": {
    access: "signed-in",
    touches: "reads the caller's saved views",
    foreign: [{ label: "other users' views", owner: "user", expect: "filtered", input: () => table }],
    valid: () => table,
  },
  "views.save": {
    access: "signed-in",
    touches: "changes the caller's saved views (upsert by name)",
    foreign: [
      {
        label: "the name of another user's view (must not overwrite it)",
        owner: "user",
        expect: "filtered",
        input: () => ({ ...table, name: "Shared name", query: "q=overwrite-attempt" }),
      },
    ],
    valid: () => ({ ...table, name: "Security suite view", query: "status=error" }),
  },
  "views.share": {
    access: "signed-in",
    touches: "shares or unshares one of the caller's saved views",
    foreign: [
      {
        label: "another user's view id",
        owner: "user",
        expect: "not-found",
        input: (f) => ({ id: f.foreignView.id, shared: null }),
      },
    ],
    valid: async ({ db, user }) => {
      const row = await db
        .selectFrom("saved_views")
        .select("id")
        .where("user_id", "=", user.id)
        .where("name", "=", "Security suite view")
        .executeTakeFirst();
      return { id: row?.id ?? "view_missing", shared: null };
    },
  },
  "views.remove": {
    access: "signed-in",
    touches: "deletes one of the caller's saved views",
    foreign: [
      {
        label: "another user's view id",
        owner: "user",
        expect: "not-found",
        input: (f) => ({ id: f.foreignView.id }),
      },
    ],
    valid: async ({ db, user }) => {
      const row = await db
        .selectFrom("saved_views")
        .select("id")
        .where("user_id", "=", user.id)
        .where("name", "=", "Security suite view")
        .executeTakeFirst();
      return { id: row?.id ?? "view_missing" };
    },
  },
  "views.prefs": {
    access: "signed-in",
    touches: "reads the caller's table preferences",
    foreign: [{ label: "other users' preferences", owner: "user", expect: "filtered", input: () => table }],
    valid: () => table,
  },
  "views.setPrefs": {
    access: "signed-in",
    touches: "changes the caller's table preferences",
    foreign: [
      {
        label: "must change only the caller's own row",
        owner: "user",
        expect: "filtered",
        input: () => ({ ...table, hiddenColumns: ["platform"], density: "comfortable" }),
      },
    ],
    valid: () => ({ ...table, hiddenColumns: ["platform"], density: "compact" }),
  },
  "actions.pauseConnection": {
    access: "writer",
    touches: "changes one connection's pause state, writes an audit event",
    foreign: [
      {
        label: "another tenant's connection",
        owner: "tenant",
        expect: "not-found",
        input: (f) => ({ id: f.foreign.connectionIds[1], expectedVersion: 1, reason: "isolation probe" }),
      },
    ],
    valid: async ({ f, db }) => {
      const id = f.own.connectionIds[1];
      return { id, expectedVersion: await version(db, id), reason: "security suite" };
    },
  },
  "actions.resumeConnection": {
    access: "writer",
    touches: "changes one connection's pause state, writes an audit event",
    foreign: [
      {
        label: "another tenant's paused connection",
        owner: "tenant",
        expect: "not-found",
        input: (f) => ({ id: f.foreign.connectionIds[0], expectedVersion: 2 }),
      },
    ],
    valid: async ({ f, db }) => {
      const id = f.own.connectionIds[1];
      return { id, expectedVersion: await version(db, id) };
    },
  },
  "actions.bulkSetPaused": {
    access: "writer",
    touches: "changes the pause state of ticked or filtered connections, one audit event each",
    foreign: [
      {
        label: "another tenant's ids (pause)",
        owner: "tenant",
        expect: "filtered",
        input: (f) => ({ action: "pause", reason: "probe", target: { kind: "ids", ids: f.foreign.connectionIds } }),
      },
      {
        label: "another tenant's paused id (resume)",
        owner: "tenant",
        expect: "filtered",
        input: (f) => ({ action: "resume", target: { kind: "ids", ids: [f.foreign.connectionIds[0]] } }),
      },
    ],
    valid: async ({ f, db }) => ({
      action: (await paused(db, f.own.connectionIds[1])) ? "resume" : "pause",
      reason: "security suite",
      target: { kind: "ids", ids: [f.own.connectionIds[1]] },
    }),
  },
  "actions.resolveErrors": {
    access: "writer",
    touches: "changes errors to resolved, the connections' health and version, audit events",
    foreign: [
      {
        label: "another tenant's open errors",
        owner: "tenant",
        expect: "not-found",
        input: (f) => ({ errorIds: f.foreign.activeErrorIds, note: "probe" }),
      },
      {
        label: "own and foreign errors together (all or nothing)",
        owner: "tenant",
        expect: "not-found",
        input: (f) => ({ errorIds: [...f.own.activeErrorIds, ...f.foreign.activeErrorIds], note: "probe" }),
      },
    ],
    valid: ({ f }) => ({ errorIds: f.own.errorIds.slice(0, 2), note: "security suite" }),
  },
  "audit.list": {
    access: "signed-in",
    touches: "reads audit events",
    foreign: [
      {
        label: "another tenant's id as filter",
        owner: "tenant",
        expect: "filtered",
        input: (f) => ({ tenantId: f.foreign.tenantId }),
      },
      {
        label: "another tenant's connection as filter",
        owner: "tenant",
        expect: "filtered",
        input: (f) => ({ connectionId: f.foreign.connectionIds[0] }),
      },
    ],
    valid: ({ f }) => ({ connectionId: f.own.connectionIds[0] }),
  },
  "audit.facets": {
    access: "signed-in",
    touches: "reads audit filter values (actors, actions, tenants)",
    foreign: [{ label: "no input", owner: "tenant", expect: "filtered", input: () => undefined }],
    valid: () => undefined,
  },
  "connections.list": {
    access: "signed-in",
    touches: "reads connections",
    foreign: [
      {
        label: "another tenant as filter",
        owner: "tenant",
        expect: "filtered",
        input: (f) => ({ tenant: [f.foreign.tenantId] }),
      },
      {
        label: "another tenant's connection id as search",
        owner: "tenant",
        expect: "filtered",
        input: (f) => ({ q: f.foreign.connectionIds[0] }),
      },
    ],
    valid: () => ({}),
  },
  "connections.facets": {
    access: "signed-in",
    touches: "reads filter counts over connections",
    foreign: [
      {
        label: "another tenant as filter",
        owner: "tenant",
        expect: "filtered",
        input: (f) => ({ tenant: [f.foreign.tenantId], q: "globex" }),
      },
    ],
    valid: () => ({}),
  },
  "connections.byId": {
    access: "signed-in",
    touches: "reads one connection",
    foreign: [
      {
        label: "another tenant's connection",
        owner: "tenant",
        expect: "not-found",
        input: (f) => ({ id: f.foreign.connectionIds[0] }),
      },
    ],
    valid: ({ f }) => ({ id: f.own.connectionIds[0] }),
  },
  "detail.runs": {
    access: "signed-in",
    touches: "reads a connection's runs",
    foreign: foreignConnection(),
    valid: ({ f }) => ({ connectionId: f.own.connectionIds[0] }),
  },
  "detail.runRequests": {
    access: "signed-in",
    touches: "reads a connection's pending run requests",
    foreign: foreignConnection(),
    valid: ({ f }) => ({ connectionId: f.own.connectionIds[0] }),
  },
  "detail.errors": {
    access: "signed-in",
    touches: "reads a connection's errors",
    foreign: foreignConnection(),
    valid: ({ f }) => ({ connectionId: f.own.connectionIds[0] }),
  },
  "detail.activity": {
    access: "signed-in",
    touches: "reads a connection's audit events",
    foreign: foreignConnection(),
    valid: ({ f }) => ({ connectionId: f.own.connectionIds[0] }),
  },
  "detail.runDiff": {
    access: "signed-in",
    touches: "reads two runs' parameters",
    foreign: [
      ...foreignConnection(),
      {
        label: "own connection, another tenant's run ids",
        owner: "tenant",
        expect: "not-found",
        input: (f) => ({
          connectionId: f.own.connectionIds[0],
          baseRunId: f.foreign.runIds[0],
          targetRunId: f.foreign.runIds[1],
        }),
      },
    ],
    valid: ({ f }) => ({ connectionId: f.own.connectionIds[0] }),
  },
  "relink.create": {
    access: "writer",
    touches: "creates a relink link (revoking open ones), writes an audit event",
    foreign: [
      {
        label: "another tenant's connection",
        owner: "tenant",
        expect: "not-found",
        input: (f) => ({ connectionId: f.foreign.connectionIds[1] }),
      },
    ],
    valid: ({ f }) => ({ connectionId: f.own.connectionIds[1], revokeOpen: false }),
  },
  "relink.revoke": {
    access: "writer",
    touches: "revokes a relink link, writes an audit event",
    foreign: [
      {
        label: "another tenant's link",
        owner: "tenant",
        expect: "not-found",
        input: (f) => ({ linkId: f.foreign.linkId }),
      },
    ],
    valid: async ({ f, db }) => {
      const open = await db
        .selectFrom("relink_links")
        .select("id")
        .where("connection_id", "=", f.own.connectionIds[1])
        .where("used_at", "is", null)
        .where("revoked_at", "is", null)
        .orderBy("created_at", "desc")
        .executeTakeFirst();
      return { linkId: open?.id ?? f.own.linkId };
    },
  },
  "relink.resend": {
    access: "writer",
    touches: "issues a new link for the same connection, revokes the old, writes audit events",
    foreign: [
      {
        label: "another tenant's link",
        owner: "tenant",
        expect: "not-found",
        input: (f) => ({ linkId: f.foreign.linkId }),
      },
    ],
    valid: ({ f }) => ({ linkId: f.own.linkId }),
  },
  "relink.bulkCreate": {
    access: "writer",
    touches: "creates a batch of relink links, writes audit events",
    foreign: [
      {
        label: "another tenant's connections",
        owner: "tenant",
        expect: "filtered",
        input: (f) => ({ connectionIds: f.foreign.connectionIds }),
      },
    ],
    valid: ({ f }) => ({ connectionIds: [f.own.connectionIds[0]], revokeOpen: false }),
  },
  "relink.forConnection": {
    access: "signed-in",
    touches: "reads a connection's relink links",
    foreign: foreignConnection(),
    valid: ({ f }) => ({ connectionId: f.own.connectionIds[1] }),
  },
  "relink.ledger": {
    access: "signed-in",
    touches: "reads relink links",
    foreign: [
      {
        label: "another tenant's connection as filter",
        owner: "tenant",
        expect: "filtered",
        input: (f) => ({ connectionId: f.foreign.connectionIds[1] }),
      },
      {
        label: "another tenant's batch as filter",
        owner: "tenant",
        expect: "filtered",
        input: (f) => ({ batchId: f.foreign.batchId }),
      },
    ],
    valid: () => ({}),
  },
  "relink.batches": {
    access: "signed-in",
    touches: "reads relink batches (counted from the links the caller may see)",
    foreign: [{ label: "no input", owner: "tenant", expect: "filtered", input: () => undefined }],
    valid: () => undefined,
  },
  "relink.batch": {
    access: "signed-in",
    touches: "reads one relink batch",
    foreign: [
      {
        label: "another tenant's batch",
        owner: "tenant",
        expect: "not-found",
        input: (f) => ({ batchId: f.foreign.batchId }),
      },
    ],
    valid: ({ f }) => ({ batchId: f.own.batchId }),
  },
  "apiKeys.list": {
    access: "staff",
    touches: "reads API keys (prefix only)",
    foreign: [{ label: "no input", owner: "tenant", expect: "filtered", input: () => undefined }],
    valid: () => undefined,
  },
  "apiKeys.tenants": {
    access: "staff",
    touches: "reads the tenant list",
    foreign: [{ label: "no input", owner: "tenant", expect: "filtered", input: () => undefined }],
    valid: () => undefined,
  },
  "apiKeys.create": {
    access: "staff",
    touches: "creates an API key, writes an audit event",
    foreign: [
      {
        label: "a key for another tenant",
        owner: "tenant",
        expect: "filtered",
        input: (f) => ({ name: "probe", platform: "codat", tenantId: f.foreign.tenantId }),
      },
    ],
    valid: ({ f }) => ({ name: "Security suite key", platform: "codat", tenantId: f.own.tenantId }),
  },
  "apiKeys.setScopes": {
    access: "staff",
    touches: "changes what an API key may do, writes an audit event",
    foreign: [
      {
        label: "another tenant's key",
        owner: "tenant",
        expect: "not-found",
        input: (f) => ({ id: f.foreign.apiKey.id, scopes: ["ingest", "connections:read"] }),
      },
    ],
    valid: ({ f }) => ({ id: f.own.apiKey.id, scopes: ["ingest"] }),
  },
  "apiKeys.revoke": {
    access: "staff",
    touches: "revokes an API key, writes an audit event",
    foreign: [
      {
        label: "another tenant's key",
        owner: "tenant",
        expect: "not-found",
        input: (f) => ({ id: f.foreign.apiKey.id }),
      },
    ],
    valid: async ({ db }) => {
      const key = await db
        .selectFrom("api_keys")
        .select("id")
        .where("name", "=", "Security suite key")
        .where("revoked_at", "is", null)
        .executeTakeFirst();
      return { id: key?.id ?? "key_missing" };
    },
  },
  "home.summary": {
    access: "signed-in",
    touches: "reads the operations summaries (counts, error days, error groups) and recent audit events",
    foreign: [{ label: "no input (own tenant only)", owner: "tenant", expect: "filtered", input: () => ({}) }],
    valid: () => ({ staleDays: 7 }),
  },
  "errorGroups.list": {
    access: "signed-in",
    touches: "reads error groups (operations summaries) and their trends",
    foreign: [{ label: "no input (own tenant's groups only)", owner: "tenant", expect: "filtered", input: () => ({}) }],
    valid: () => ({}),
  },
  "errorGroups.get": {
    access: "signed-in",
    touches: "reads one error group, its relink count and sample messages",
    foreign: [
      {
        label: "a group both tenants have (own counts and samples only)",
        owner: "tenant",
        expect: "filtered",
        input: () => ({ id: SHARED_RATE_GROUP }),
      },
    ],
    valid: () => ({ id: SHARED_AUTH_GROUP }),
  },
  "errorGroups.resolveStep": {
    access: "writer",
    touches: "changes a group's active errors to resolved, the connections' health and version, audit events",
    foreign: [
      {
        // Sharing a group resolves own errors (a change): server/error-groups/error-groups.test.ts
        // shows another tenant's errors of a shared group stay active.
        label: "a group the caller's tenant has no error in",
        owner: "tenant",
        expect: "filtered",
        input: () => ({ id: OTHER_GROUP, note: "probe" }),
      },
    ],
    valid: () => ({ id: SHARED_RATE_GROUP, note: "security suite" }),
  },
  "errorGroups.relinkStep": {
    access: "writer",
    touches: "creates relink links for a group's connections that need one, writes audit events",
    foreign: [
      {
        label: "a group the caller's tenant has no error in",
        owner: "tenant",
        expect: "filtered",
        input: () => ({ id: OTHER_GROUP }),
      },
    ],
    valid: () => ({ id: SHARED_AUTH_GROUP }),
  },
  "timeline.list": {
    access: "signed-in",
    touches: "reads one connection's runs, errors, links, audited changes and status changes",
    foreign: foreignConnection(),
    valid: ({ f }) => ({ connectionId: f.own.connectionIds[0] }),
  },
  "tags.list": {
    access: "signed-in",
    touches: "reads the distinct tags on connections",
    foreign: [
      { label: "no input (own tenant's tags only)", owner: "tenant", expect: "filtered", input: () => undefined },
    ],
    valid: () => undefined,
  },
  "tags.forConnection": {
    access: "signed-in",
    touches: "reads one connection's tags",
    foreign: foreignConnection(),
    valid: ({ f }) => ({ connectionId: f.own.connectionIds[0] }),
  },
  "tags.set": {
    access: "writer",
    touches: "changes one connection's tags, writes an audit event",
    foreign: [
      {
        label: "another tenant's connection",
        owner: "tenant",
        expect: "not-found",
        input: (f) => ({ connectionId: f.foreign.connectionIds[0], tags: ["probe"] }),
      },
    ],
    valid: ({ f }) => ({ connectionId: f.own.connectionIds[0], tags: ["security suite"] }),
  },
  "tags.bulk": {
    access: "writer",
    touches: "adds or removes tags on many connections, writes audit events",
    foreign: [
      {
        label: "another tenant's connections",
        owner: "tenant",
        expect: "filtered",
        input: (f) => ({ action: "add", tags: ["probe"], target: { kind: "ids", ids: f.foreign.connectionIds } }),
      },
    ],
    valid: ({ f }) => ({
      action: "add",
      tags: ["security suite"],
      target: { kind: "ids", ids: [f.own.connectionIds[0]] },
    }),
  },
  ...WEBHOOK_PROCEDURE_CASES,
  ...ALERT_PROCEDURE_CASES,
};
