// Delivery against a real HTTP receiver: Standard Webhooks signatures checked with the
// `standardwebhooks` package, retries with backoff, order per connection, giving up after the
// retry window, a worker killed mid-delivery (the delivery is sent again, nothing lost), and
// several workers on one PostgreSQL database (every event once, in order per connection).
import { spawn } from "node:child_process";
import { sql } from "kysely";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createDb, dbSchema, type DB } from "../../db";
import { seedDemo } from "../demo-data/seed-demo";
import { callerAs, scopeAs, staff } from "../test/callers";
import { describeEachDb } from "../test/databases";
import { createWebhookEndpoint } from "./create-endpoint";
import { startOutboxWorker } from "./outbox-worker";
import { runOutboxTick } from "./outbox-tick";
import { startReceiver, type Receiver } from "./testing/receiver";
import type { EventType } from "../events/event-types";

const NOW = Date.parse("2026-11-01T12:00:00Z");
const MINUTE = 60_000;

describeEachDb(
  "webhook delivery",
  (get, dbKind) => {
    let receiver: Receiver;
    beforeAll(async () => {
      receiver = await startReceiver();
    });
    afterAll(() => receiver.close());

    const used = new Set<string>();
    async function connection(tenantId = "ten_acme") {
      const rows = await get()
        .db.selectFrom("connections")
        .select(["id", "version", "user_paused"])
        .where("tenant_id", "=", tenantId)
        .orderBy("id")
        .execute();
      const row = rows.find((r) => !used.has(r.id) && r.user_paused === 0);
      if (!row) throw new Error("no connection left");
      used.add(row.id);
      return row.id;
    }
    /** Pauses or resumes, whatever the version: each call is one change, one event. */
    async function toggle(id: string, times = 1) {
      const db = get().db;
      for (let i = 0; i < times; i++) {
        const row = await db
          .selectFrom("connections")
          .select(["version", "user_paused"])
          .where("id", "=", id)
          .executeTakeFirstOrThrow();
        const caller = callerAs(db, staff()).actions;
        if (row.user_paused) await caller.resumeConnection({ id, expectedVersion: row.version });
        else await caller.pauseConnection({ id, expectedVersion: row.version, reason: `toggle ${i}` });
      }
    }
    async function drain(options: Parameters<typeof runOutboxTick>[1] = {}) {
      let report;
      do report = await runOutboxTick(get().db, { allowPrivate: true, ...options });
      while (report.sequenced > 0 || report.attempted > 0);
    }
    /** A clean slate: earlier events delivered, earlier endpoints gone, one new endpoint here. */
    async function freshEndpoint(events: EventType[] = ["connection.paused", "connection.resumed"]) {
      receiver.respond = () => ({ status: 200, body: "ok" });
      await drain();
      await get().db.deleteFrom("webhook_endpoints").execute();
      receiver.received.length = 0;
      return createWebhookEndpoint(scopeAs(get().db, staff()), { url: `${receiver.url}/hook`, events });
    }
    const deliveriesOf = (endpointId: string) =>
      get()
        .db.selectFrom("webhook_deliveries")
        .selectAll()
        .where("endpoint_id", "=", endpointId)
        .orderBy("event_sequence")
        .execute();
    const connectionOf = (body: string) =>
      (JSON.parse(body) as { data: { connection: { id: string } } }).data.connection.id;

    it("signs each delivery so that standardwebhooks verifies it, and logs status, duration and answer", async () => {
      const { endpoint, secret } = await freshEndpoint();
      expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
      const id = await connection();
      await toggle(id);
      receiver.respond = () => ({ status: 204 });
      const report = await runOutboxTick(get().db, { allowPrivate: true });
      expect(report).toMatchObject({ attempted: 1, succeeded: 1 });
      const [request] = receiver.received;
      if (!request) throw new Error("nothing received");
      const payload = new Webhook(secret).verify(request.body, request.headers) as { id: string; type: string };
      expect(payload).toMatchObject({ type: "connection.paused", data: { connection: { id, user_paused: true } } });
      expect(request.headers["webhook-id"]).toBe(payload.id);
      expect(request.headers["content-type"]).toBe("application/json");
      expect(() =>
        new Webhook(`whsec_${Buffer.from("another secret").toString("base64")}`).verify(request.body, request.headers),
      ).toThrow();
      const [delivery] = await deliveriesOf(endpoint.id);
      expect(delivery).toMatchObject({ status: "succeeded", attempts: 1, last_status_code: 204, lock_token: null });
      expect(delivery?.last_duration_ms).toBeGreaterThanOrEqual(0);

      receiver.respond = () => ({ status: 200, body: "thanks " + "x".repeat(5000) });
      await toggle(id);
      await drain();
      const [, second] = await deliveriesOf(endpoint.id);
      expect(second?.last_response_snippet).toMatch(/^thanks x+$/);
      expect(second?.last_response_snippet?.length).toBe(1024);
    });

    it("retries a 500 with backoff, with the same webhook-id, until the receiver takes it", async () => {
      const { endpoint, secret } = await freshEndpoint();
      const id = await connection();
      await toggle(id);
      receiver.respond = (_, i) => (i === 0 ? { status: 500, body: "boom" } : { status: 200 });
      await runOutboxTick(get().db, { allowPrivate: true });
      const [failed] = await deliveriesOf(endpoint.id);
      expect(failed).toMatchObject({
        status: "pending",
        attempts: 1,
        last_status_code: 500,
        last_response_snippet: "boom",
      });
      const wait = Date.parse(failed?.next_attempt_at ?? "") - Date.now();
      expect(wait).toBeGreaterThan(2_000);
      expect(wait).toBeLessThan(7_000);
      // Not due yet: nothing is sent.
      expect((await runOutboxTick(get().db, { allowPrivate: true })).attempted).toBe(0);
      await drain({ now: () => Date.now() + MINUTE });
      expect(receiver.received).toHaveLength(2);
      expect(receiver.received[1]?.headers["webhook-id"]).toBe(receiver.received[0]?.headers["webhook-id"]);
      for (const r of receiver.received) expect(() => new Webhook(secret).verify(r.body, r.headers)).not.toThrow();
      expect((await deliveriesOf(endpoint.id))[0]).toMatchObject({
        status: "succeeded",
        attempts: 2,
        last_status_code: 200,
      });
    });

    it("keeps each connection's events in order: a failing one holds back the later ones, others go on", async () => {
      const { endpoint } = await freshEndpoint();
      const x = await connection();
      const y = await connection();
      await toggle(x, 4);
      await toggle(y, 2);
      let failedOnce = false;
      receiver.respond = (r) => {
        if (!failedOnce && connectionOf(r.body) === x) {
          failedOnce = true;
          return { status: 503 };
        }
        return { status: 200 };
      };
      await drain();
      // y is done; x sent its first event once (refused), and nothing after it.
      const ofX = () => receiver.received.filter((r) => connectionOf(r.body) === x);
      expect(receiver.received.filter((r) => connectionOf(r.body) === y)).toHaveLength(2);
      expect(ofX()).toHaveLength(1);
      await drain({ now: () => Date.now() + MINUTE });
      const sent = ofX().map((r) => JSON.parse(r.body) as { id: string; type: string });
      expect(sent.map((e) => e.type)).toEqual([
        "connection.paused",
        "connection.paused",
        "connection.resumed",
        "connection.paused",
        "connection.resumed",
      ]);
      const deliveries = await deliveriesOf(endpoint.id);
      const events = await get()
        .db.selectFrom("events")
        .select(["id", "sequence"])
        .where("connection_id", "=", x)
        .orderBy("sequence")
        .execute();
      expect(sent.slice(1).map((e) => e.id)).toEqual(events.slice(-4).map((e) => e.id));
      expect(deliveries.every((d) => d.status === "succeeded")).toBe(true);
    });

    it("gives up 24 hours after the first attempt and marks the endpoint failing; a later success clears it", async () => {
      const { endpoint } = await freshEndpoint();
      const id = await connection();
      await toggle(id);
      receiver.respond = () => ({ status: 500 });
      await drain();
      await drain({ now: () => Date.now() + 23 * 60 * MINUTE });
      expect((await deliveriesOf(endpoint.id))[0]?.status).toBe("pending");
      await drain({ now: () => Date.now() + 25 * 60 * MINUTE });
      const [gaveUp] = await deliveriesOf(endpoint.id);
      expect(gaveUp).toMatchObject({ status: "failed", last_status_code: 500 });
      const row = await get()
        .db.selectFrom("webhook_endpoints")
        .select(["status", "failing_since"])
        .where("id", "=", endpoint.id)
        .executeTakeFirstOrThrow();
      expect(row.status).toBe("failing");
      expect(row.failing_since).not.toBeNull();
      receiver.respond = () => ({ status: 200 });
      await toggle(id);
      await drain();
      const healed = await get()
        .db.selectFrom("webhook_endpoints")
        .select(["status", "failing_since"])
        .where("id", "=", endpoint.id)
        .executeTakeFirstOrThrow();
      expect(healed).toEqual({ status: "active", failing_since: null });
    });

    it("a worker killed mid-delivery: the delivery is sent again after its lease, once, and nothing is lost", async () => {
      const { db, kind } = get();
      const { endpoint, secret } = await freshEndpoint();
      const id = await connection();
      await toggle(id);
      receiver.respond = (_, i) => (i === 0 ? "hang" : { status: 200 });
      const target =
        kind === "postgres"
          ? [process.env.TEST_DATABASE_URL ?? "", dbSchema(db) ?? ""]
          : [
              (await sql<{ file: string }>`SELECT file FROM pragma_database_list WHERE name = 'main'`.execute(db))
                .rows[0]?.file ?? "",
            ];
      const child = spawn(
        process.execPath,
        ["--import", "tsx", "server/webhooks/testing/worker-child.ts", kind, ...target],
        {
          env: { ...process.env, LEASE_MS: "2000" },
          stdio: ["ignore", "pipe", "inherit"],
        },
      );
      const exited = new Promise((resolve) => child.on("exit", resolve));
      try {
        await receiver.waitFor(1, 20_000);
      } finally {
        child.kill("SIGKILL");
        await exited;
      }
      const [inFlight] = await deliveriesOf(endpoint.id);
      expect(inFlight).toMatchObject({ status: "pending", attempts: 0 });
      expect(Date.parse(inFlight?.locked_until ?? "")).toBeGreaterThan(Date.now());
      // The lease still holds: no other worker takes it.
      expect((await runOutboxTick(db, { allowPrivate: true })).attempted).toBe(0);
      await new Promise((r) => setTimeout(r, Math.max(0, Date.parse(inFlight?.locked_until ?? "") - Date.now() + 50)));
      expect(await runOutboxTick(db, { allowPrivate: true })).toMatchObject({ attempted: 1, succeeded: 1 });
      expect((await runOutboxTick(db, { allowPrivate: true })).attempted).toBe(0);
      expect(receiver.received).toHaveLength(2);
      expect(receiver.received[1]?.headers["webhook-id"]).toBe(receiver.received[0]?.headers["webhook-id"]);
      const last = receiver.received[1];
      if (!last) throw new Error("no second request");
      expect(() => new Webhook(secret).verify(last.body, last.headers)).not.toThrow();
      expect((await deliveriesOf(endpoint.id))[0]).toMatchObject({ status: "succeeded", attempts: 1 });
    }, 40_000);

    // Several instances share one database only on PostgreSQL (SKIP LOCKED); SQLite has one writer.
    if (dbKind === "postgres")
      it("several workers on one database deliver every event once, each connection in order (PostgreSQL)", async () => {
        const { db } = get();
        const { endpoint } = await freshEndpoint();
        const ids = [await connection(), await connection(), await connection(), await connection("ten_globex")];
        for (const id of ids) await toggle(id, 8);
        const instances: DB[] = [0, 1, 2].map(() =>
          createDb({ kind: "postgres", url: process.env.TEST_DATABASE_URL ?? "", schema: dbSchema(db), poolSize: 4 }),
        );
        const workers = instances.map((instance) => startOutboxWorker(instance, { allowPrivate: true, idleMs: 20 }));
        try {
          await receiver.waitFor(ids.length * 8, 30_000);
          await new Promise((r) => setTimeout(r, 300));
        } finally {
          await Promise.all(workers.map((w) => w.stop()));
          await Promise.all(instances.map((i) => i.destroy()));
        }
        const got = receiver.received.map(
          (r) => JSON.parse(r.body) as { id: string; data: { connection: { id: string } } },
        );
        expect(new Set(got.map((e) => e.id)).size).toBe(got.length);
        expect(got).toHaveLength(ids.length * 8);
        for (const id of ids) {
          const order = await db
            .selectFrom("events")
            .select("id")
            .where("connection_id", "=", id)
            .orderBy("sequence")
            .execute();
          expect(got.filter((e) => e.data.connection.id === id).map((e) => e.id)).toEqual(
            order.slice(-8).map((e) => e.id),
          );
        }
        expect((await deliveriesOf(endpoint.id)).every((d) => d.status === "succeeded" && d.attempts === 1)).toBe(true);
      }, 60_000);
  },
  async (t) => {
    await seedDemo(t.db, { connections: 120, seed: 7, now: NOW });
  },
);
