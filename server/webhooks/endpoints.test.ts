// Endpoint management through a TenantScope (what tRPC and REST call): a tenant's endpoints
// get only its events and are invisible to other tenants; secrets appear once; rotation signs
// with both secrets for a day; test events and redelivery go through the same worker.
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, expect, it } from "vitest";
import { seedDemo } from "../demo-data/seed-demo";
import { acmeAdmin, acmeViewer, callerAs, globexAdmin, scopeAs, staff } from "../test/callers";
import { describeEachDb } from "../test/databases";
import { createWebhookEndpoint } from "./create-endpoint";
import { deleteWebhookEndpoint } from "./delete-endpoint";
import { listDeliveries } from "./list-deliveries";
import { listWebhookEndpoints } from "./list-endpoints";
import { redeliver } from "./redeliver";
import { rotateWebhookSecret } from "./rotate-secret";
import { runOutboxTick } from "./outbox-tick";
import { sendTestEvent } from "./send-test-event";
import { startReceiver, type Receiver } from "./testing/receiver";

const NOW = Date.parse("2026-11-01T12:00:00Z");

describeEachDb(
  "webhook endpoints",
  (get) => {
    let receiver: Receiver;
    beforeAll(async () => {
      receiver = await startReceiver();
    });
    afterAll(() => receiver.close());
    const drain = async () => {
      while (true) {
        const r = await runOutboxTick(get().db, { allowPrivate: true });
        if (r.sequenced === 0 && r.attempted === 0) return;
      }
    };
    async function pauseOne(tenantId: string, skip: number) {
      const db = get().db;
      const row = await db
        .selectFrom("connections")
        .select(["id", "version"])
        .where("tenant_id", "=", tenantId)
        .where("user_paused", "=", 0)
        .orderBy("id")
        .offset(skip)
        .limit(1)
        .executeTakeFirstOrThrow();
      await callerAs(db, staff()).actions.pauseConnection({ id: row.id, expectedVersion: row.version, reason: "t" });
      return row.id;
    }

    it("a tenant's endpoint gets its tenant's events only; a platform endpoint gets every tenant's", async () => {
      const db = get().db;
      await drain();
      const acme = await createWebhookEndpoint(scopeAs(db, acmeAdmin()), {
        url: `${receiver.url}/acme`,
        events: ["connection.paused"],
        description: "Acme's receiver",
      });
      const platform = await createWebhookEndpoint(scopeAs(db, staff()), {
        url: `${receiver.url}/platform`,
        events: ["connection.paused"],
      });
      expect(acme.endpoint).toMatchObject({ tenant_id: "ten_acme", tenant_name: "Acme Corporation", status: "active" });
      expect(platform.endpoint.tenant_id).toBeNull();
      receiver.received.length = 0;
      await pauseOne("ten_acme", 0);
      await pauseOne("ten_globex", 0);
      await drain();
      // Which endpoint a request was for: the secret that verifies it.
      const signedWith = (secret: string) =>
        receiver.received.filter((r) => {
          try {
            new Webhook(secret).verify(r.body, r.headers);
            return true;
          } catch {
            return false;
          }
        });
      const acmeGot = signedWith(acme.secret);
      const platformGot = signedWith(platform.secret);
      expect(acmeGot.map((r) => (JSON.parse(r.body) as { tenant: { id: string } }).tenant.id)).toEqual(["ten_acme"]);
      expect(platformGot.map((r) => (JSON.parse(r.body) as { tenant: { id: string } }).tenant.id).sort()).toEqual([
        "ten_acme",
        "ten_globex",
      ]);

      // Visibility follows the endpoint's tenant.
      const ids = async (user: Parameters<typeof scopeAs>[1]) =>
        (await listWebhookEndpoints(scopeAs(db, user), { limit: 50 })).data.map((e) => e.id);
      expect(await ids(acmeAdmin())).toEqual([acme.endpoint.id]);
      expect(await ids(globexAdmin())).toEqual([]);
      expect((await ids(staff())).sort()).toEqual([acme.endpoint.id, platform.endpoint.id].sort());
      await expect(listDeliveries(scopeAs(db, globexAdmin()), acme.endpoint.id)).rejects.toThrow(/not found/);
      await expect(deleteWebhookEndpoint(scopeAs(db, globexAdmin()), acme.endpoint.id)).rejects.toThrow(/not found/);
      await expect(rotateWebhookSecret(scopeAs(db, acmeAdmin()), platform.endpoint.id)).rejects.toThrow(/not found/);
      await expect(sendTestEvent(scopeAs(db, globexAdmin()), acme.endpoint.id)).rejects.toThrow(/not found/);
      const acmeDelivery = (await listDeliveries(scopeAs(db, acmeAdmin()), acme.endpoint.id)).data[0];
      if (!acmeDelivery) throw new Error("no delivery");
      await expect(redeliver(scopeAs(db, globexAdmin()), acmeDelivery.id)).rejects.toThrow(/not found/);
      await expect(
        createWebhookEndpoint(scopeAs(db, acmeAdmin()), {
          url: receiver.url,
          events: ["connection.paused"],
          tenant_id: "ten_globex",
        }),
      ).rejects.toThrow(/Tenant not found/);
      // No secret in any listing.
      expect(JSON.stringify(await listWebhookEndpoints(scopeAs(db, staff())))).not.toContain("whsec_");
      await deleteWebhookEndpoint(scopeAs(db, acmeAdmin()), acme.endpoint.id);
      await deleteWebhookEndpoint(scopeAs(db, staff()), platform.endpoint.id);
      expect(await ids(staff())).toEqual([]);
    });

    it("rotation: a new secret once; both secrets sign for a day", async () => {
      const db = get().db;
      await drain();
      const created = await createWebhookEndpoint(scopeAs(db, staff()), {
        url: receiver.url,
        events: ["connection.paused"],
      });
      const rotated = await rotateWebhookSecret(scopeAs(db, staff()), created.endpoint.id);
      expect(rotated.secret).not.toBe(created.secret);
      receiver.received.length = 0;
      await pauseOne("ten_acme", 1);
      await drain();
      const [request] = receiver.received;
      if (!request) throw new Error("nothing received");
      expect(request.headers["webhook-signature"]?.split(" ")).toHaveLength(2);
      expect(() => new Webhook(rotated.secret).verify(request.body, request.headers)).not.toThrow();
      expect(() => new Webhook(created.secret).verify(request.body, request.headers)).not.toThrow();
      await deleteWebhookEndpoint(scopeAs(db, staff()), created.endpoint.id);
    });

    it("test event, delivery log and redelivery", async () => {
      const db = get().db;
      await drain();
      const { endpoint, secret } = await createWebhookEndpoint(scopeAs(db, acmeAdmin()), {
        url: receiver.url,
        events: ["connection.paused"],
      });
      receiver.received.length = 0;
      const test = await sendTestEvent(scopeAs(db, acmeAdmin()), endpoint.id);
      expect(test).toMatchObject({ event_type: "webhook.test", status: "pending", attempts: 0 });
      await drain();
      const [request] = receiver.received;
      if (!request) throw new Error("test event not sent");
      expect(new Webhook(secret).verify(request.body, request.headers)).toMatchObject({ type: "webhook.test" });
      // A test message is not an event: GET /events never shows it.
      expect(await db.selectFrom("events").select("id").where("type", "=", "webhook.test").execute()).toHaveLength(0);

      await pauseOne("ten_acme", 2);
      await drain();
      const log = await listDeliveries(scopeAs(db, acmeViewer()), endpoint.id, { limit: 1 });
      expect(log.data[0]).toMatchObject({
        event_type: "connection.paused",
        status: "succeeded",
        last_status_code: 200,
      });
      expect(log.next_cursor).not.toBeNull();
      const older = await listDeliveries(scopeAs(db, acmeViewer()), endpoint.id, { limit: 1, cursor: log.next_cursor });
      expect(older.data[0]?.event_type).toBe("webhook.test");

      const first = log.data[0];
      if (!first) throw new Error("no delivery");
      const again = await redeliver(scopeAs(db, acmeAdmin()), first.id);
      expect(again).toMatchObject({ status: "pending", event_id: first.event_id, attempts: 0 });
      expect(again.id).not.toBe(first.id);
      await drain();
      expect(receiver.received).toHaveLength(3);
      expect(receiver.received[2]?.headers["webhook-id"]).toBe(first.event_id);
    });

    it("in production mode the worker refuses a loopback endpoint and logs why", async () => {
      const db = get().db;
      await drain();
      const { endpoint } = await createWebhookEndpoint(scopeAs(db, staff()), {
        url: `http://localhost:${receiver.port}/x`,
        events: ["connection.paused"],
      });
      receiver.received.length = 0;
      await pauseOne("ten_acme", 3);
      await runOutboxTick(db, { allowPrivate: false });
      expect(receiver.received).toHaveLength(0);
      const [delivery] = (await listDeliveries(scopeAs(db, staff()), endpoint.id)).data;
      expect(delivery).toMatchObject({ status: "pending", attempts: 1, last_status_code: null });
      expect(delivery?.last_error).toMatch(/localhost resolves to .* private or reserved/);
      await deleteWebhookEndpoint(scopeAs(db, staff()), endpoint.id);
    });
  },
  async (t) => {
    await seedDemo(t.db, { connections: 120, seed: 8, now: NOW });
  },
);
