// The outbox promise: every change writes its event in its own transaction (no change without
// its event, no event without its change), events are sequenced in commit order, and GET
// /events shows a tenant its own events only.
import { sql } from "kysely";
import { expect, it } from "vitest";
import type { DB } from "../../db";
import { loadFixture } from "../adapters/fixtures/load-fixture";
import { writePauseChange, PAUSE_STATE_COLUMNS, toPauseState } from "../actions/pause-state";
import { seedDemo } from "../demo-data/seed-demo";
import { consumeRelinkToken } from "../relink/consume-link";
import { markLinkOpened } from "../relink/public-link";
import { breakConnection, pickConnection, tokenOf } from "../relink/relink-test-helpers";
import { acmeAdmin, callerAs, globexAdmin, scopeAs, staff } from "../test/callers";
import { describeEachDb } from "../test/databases";
import { ingestText, tenantRow } from "../ingest/test-support";
import { sequenceAndFanOut } from "../webhooks/fan-out";
import { listEvents } from "./list-events";
import { recordExpiredLinks } from "./record-expired-links";

const NOW = Date.parse("2026-11-01T12:00:00Z");

interface Body {
  id: string;
  type: string;
  tenant: { id: string };
  data: { connection: Record<string, unknown>; link?: unknown; error?: { id: string }; [key: string]: unknown };
}
const parse = (text: string | undefined) => JSON.parse(text ?? "{}") as Body;

async function eventsOf(db: DB, connectionId: string) {
  return db
    .selectFrom("events")
    .select(["type", "tenant_id", "body", "sequence", "position"])
    .where("connection_id", "=", connectionId)
    .orderBy("position")
    .execute();
}

async function running(db: DB, tenantId: string, skip: number) {
  return db
    .selectFrom("connections")
    .select(["id", "version"])
    .where("tenant_id", "=", tenantId)
    .where("user_paused", "=", 0)
    .orderBy("id")
    .offset(skip)
    .limit(1)
    .executeTakeFirstOrThrow();
}

describeEachDb(
  "outbox: events in the transaction of their change",
  (get) => {
    it("pause and resume each write one event with the connection as it is after the change", async () => {
      const { db } = get();
      const c = await running(db, "ten_acme", 0);
      const caller = callerAs(db, acmeAdmin());
      await caller.actions.pauseConnection({ id: c.id, expectedVersion: c.version, reason: "Month-end" });
      await caller.actions.resumeConnection({ id: c.id, expectedVersion: c.version + 1 });
      const events = await eventsOf(db, c.id);
      expect(events.map((e) => e.type)).toEqual(["connection.paused", "connection.resumed"]);
      const paused = parse(events[0]?.body);
      expect(paused).toMatchObject({
        type: "connection.paused",
        tenant: { id: "ten_acme", slug: "acme", name: "Acme Corporation" },
        data: {
          reason: "Month-end",
          connection: { id: c.id, user_paused: true, pause_reason: "Month-end", version: c.version + 1 },
        },
      });
      expect(paused.id).toMatch(/^evt_/);
      expect(JSON.stringify(paused)).not.toMatch(/credentials_encrypted/);
      // Not yet sequenced: invisible to GET /events until the worker numbers it.
      expect(events.every((e) => e.sequence === null)).toBe(true);
    });

    it("a change that fails after its write rolls back the change, its audit row and its event", async () => {
      const { db } = get();
      const c = await running(db, "ten_acme", 1);
      const scope = scopeAs(db, staff());
      const attempt = scope.transaction(async (tx) => {
        const row = await tx
          .connections()
          .select(PAUSE_STATE_COLUMNS)
          .where("connections.id", "=", c.id)
          .executeTakeFirstOrThrow();
        await writePauseChange(tx, toPauseState(row), { paused: true, reason: "doomed" });
        expect(await tx.events().select("type").where("connection_id", "=", c.id).execute()).toHaveLength(1);
        throw new Error("a later step of the change failed");
      });
      await expect(attempt).rejects.toThrow("a later step");
      expect(await eventsOf(db, c.id)).toHaveLength(0);
      const row = await db
        .selectFrom("connections")
        .select(["user_paused", "version"])
        .where("id", "=", c.id)
        .executeTakeFirstOrThrow();
      expect(row).toEqual({ user_paused: 0, version: c.version });
      expect(await db.selectFrom("audit_events").select("id").where("connection_id", "=", c.id).execute()).toHaveLength(
        0,
      );
    });

    it("when the event cannot be written, the change does not happen either", async () => {
      const { db, kind } = get();
      const c = await running(db, "ten_acme", 2);
      if (kind === "postgres") {
        await sql`CREATE FUNCTION outbox_down() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'outbox down'; END $$ LANGUAGE plpgsql`.execute(
          db,
        );
        await sql`CREATE TRIGGER outbox_down BEFORE INSERT ON events FOR EACH ROW EXECUTE FUNCTION outbox_down()`.execute(
          db,
        );
      } else {
        await sql`CREATE TRIGGER outbox_down BEFORE INSERT ON events BEGIN SELECT RAISE(ABORT, 'outbox down'); END`.execute(
          db,
        );
      }
      try {
        const attempt = callerAs(db, acmeAdmin()).actions.pauseConnection({
          id: c.id,
          expectedVersion: c.version,
          reason: "x",
        });
        await expect(attempt).rejects.toThrow();
      } finally {
        await sql`DROP TRIGGER outbox_down${sql.raw(kind === "postgres" ? " ON events" : "")}`.execute(db);
      }
      const row = await db
        .selectFrom("connections")
        .select(["user_paused", "version"])
        .where("id", "=", c.id)
        .executeTakeFirstOrThrow();
      expect(row).toEqual({ user_paused: 0, version: c.version });
      expect(await db.selectFrom("audit_events").select("id").where("connection_id", "=", c.id).execute()).toHaveLength(
        0,
      );
    });

    it("a relink's life writes created, opened, completed (+ credentials, status, resolved errors) and revoked", async () => {
      const { db } = get();
      const id = await pickConnection(db, "ten_globex", false, 3);
      await breakConnection(db, id);
      const caller = callerAs(db, globexAdmin());
      const first = await caller.relink.create({ connectionId: id, recipientEmail: "cfo@customer.test" });
      const second = await caller.relink.create({ connectionId: id, revokeOpen: true });
      const view = await db
        .selectFrom("relink_links")
        .select("id")
        .where("id", "=", second.id)
        .executeTakeFirstOrThrow();
      await markLinkOpened(db, view.id);
      await markLinkOpened(db, view.id); // the first opening only
      const done = await consumeRelinkToken(db, tokenOf(second.url), {
        credentials: { access_token: "at-secret", refresh_token: "rt-secret" },
        scopes: null,
        expiresInSeconds: 3600,
      });
      expect(done.ok).toBe(true);
      const events = await eventsOf(db, id);
      expect(events.map((e) => e.type)).toEqual([
        "relink_link.created",
        "relink_link.revoked",
        "relink_link.created",
        "relink_link.opened",
        "relink_link.completed",
        "connection.credentials_updated",
        "connection.status_changed",
        "connection_error.resolved",
      ]);
      const bodies = events.map((e) => parse(e.body));
      expect(bodies[0]?.data.link).toMatchObject({ id: first.id, sent_to: "cfo@customer.test" });
      expect(bodies[1]?.data.link).toMatchObject({ id: first.id });
      expect(bodies[6]?.data).toMatchObject({ previous_status: "expired", status: "active" });
      expect(bodies[5]?.data.connection.status).toBe("active");
      expect(events.map((e) => e.body).join("")).not.toMatch(/at-secret|rt-secret/);
    });

    it("resolving errors writes connection_error.resolved for each error", async () => {
      const { db } = get();
      const id = await pickConnection(db, "ten_globex", false, 4);
      await breakConnection(db, id);
      const open = await db
        .selectFrom("connection_errors")
        .select("id")
        .where("connection_id", "=", id)
        .where("status", "=", "active")
        .execute();
      await callerAs(db, staff()).actions.resolveErrors({ errorIds: open.map((e) => e.id), note: "fixed upstream" });
      const events = await eventsOf(db, id);
      expect(events.map((e) => e.type)).toEqual(open.map(() => "connection_error.resolved"));
      expect(events.map((e) => parse(e.body).data.error?.id).sort()).toEqual(open.map((e) => e.id).sort());
    });

    it("ingest: a status the platform changed and each new error are events; an unchanged import writes none", async () => {
      const { db } = get();
      const acme = await tenantRow(db, "acme");
      const codat = loadFixture("vendor/codat-connection-example-6.json") as Record<string, unknown>;
      await ingestText(db, "codat", JSON.stringify({ ...codat, status: "Linked" }), { tenant: acme });
      const conn = await db
        .selectFrom("connections")
        .select("id")
        .where("platform_id", "=", String(codat.id))
        .executeTakeFirstOrThrow();
      expect(await eventsOf(db, conn.id)).toHaveLength(0);
      await ingestText(db, "codat", JSON.stringify({ ...codat, status: "Deauthorized" }), { tenant: acme });
      await ingestText(db, "codat", JSON.stringify({ ...codat, status: "Deauthorized" }), { tenant: acme });
      const errors = [
        {
          connectionId: codat.id,
          statusCode: "401",
          errorMessage: "token expired",
          erroredOnUtc: "2026-01-05T10:00:00Z",
        },
      ];
      await ingestText(db, "codat", JSON.stringify(errors), { kind: "errors" });
      await ingestText(db, "codat", JSON.stringify(errors), { kind: "errors" });
      const events = await eventsOf(db, conn.id);
      expect(events.map((e) => e.type)).toEqual(["connection.status_changed", "connection_error.created"]);
      expect(parse(events[0]?.body).data).toMatchObject({
        previous_status: "active",
        status: "deauthorized",
      });
      expect(parse(events[1]?.body).data).toMatchObject({
        error: { status_code: "401", is_auth_error: true },
        connection: { open_error_count: 1 },
      });
    });

    it("an unused link past its expiry gets relink_link.expired once", async () => {
      const { db } = get();
      const id = await pickConnection(db, "ten_globex", false, 5);
      const link = await callerAs(db, staff()).relink.create({ connectionId: id });
      await db
        .updateTable("relink_links")
        .set({ expires_at: "2026-01-01T00:00:00.000Z" })
        .where("id", "=", link.id)
        .execute();
      expect(await recordExpiredLinks(db)).toBeGreaterThanOrEqual(1);
      expect(await recordExpiredLinks(db)).toBe(0);
      const types = (await eventsOf(db, id)).map((e) => e.type);
      expect(types).toEqual(["relink_link.created", "relink_link.expired"]);
    });

    it("the sequencer numbers events 1, 2, 3… in insertion order; GET /events pages by it, a tenant sees its own", async () => {
      const { db } = get();
      const acme = await running(db, "ten_acme", 6);
      const globex = await running(db, "ten_globex", 0);
      await callerAs(db, acmeAdmin()).actions.pauseConnection({
        id: acme.id,
        expectedVersion: acme.version,
        reason: "a",
      });
      await callerAs(db, globexAdmin()).actions.pauseConnection({
        id: globex.id,
        expectedVersion: globex.version,
        reason: "g",
      });
      while ((await sequenceAndFanOut(db, 7)) > 0);
      const all = await db.selectFrom("events").select(["position", "sequence"]).orderBy("position").execute();
      expect(all.map((e) => e.sequence)).toEqual(all.map((_, i) => i + 1));

      const everyone = await listEvents(scopeAs(db, staff()), { limit: 500 });
      expect(everyone.data).toHaveLength(all.length);
      const page1 = await listEvents(scopeAs(db, staff()), { limit: 3 });
      const page2 = await listEvents(scopeAs(db, staff()), { after: page1.next_cursor, limit: 3 });
      expect(page1.has_more).toBe(true);
      expect(page2.data[0]?.sequence).toBe(4);

      const mine = await listEvents(scopeAs(db, acmeAdmin()), { limit: 500 });
      expect(mine.data.length).toBeGreaterThan(0);
      expect(mine.data.every((e) => e.tenant.id === "ten_acme")).toBe(true);
      expect(mine.data.some((e) => e.data.connection && (e.data.connection as { id: string }).id === acme.id)).toBe(
        true,
      );
      const theirs = await listEvents(scopeAs(db, globexAdmin()), { limit: 500 });
      expect(theirs.data.every((e) => e.tenant.id === "ten_globex")).toBe(true);
      // At the end: the cursor to poll from next.
      const end = await listEvents(scopeAs(db, staff()), { after: String(all.length), limit: 10 });
      expect(end).toEqual({ data: [], next_cursor: String(all.length), has_more: false });
      await expect(listEvents(scopeAs(db, staff()), { after: "abc" })).rejects.toThrow(/after/);
    });
  },
  async (t) => {
    await seedDemo(t.db, { connections: 200, seed: 5, now: NOW });
  },
);
