// Webhook endpoints and events over REST, through the console's own webhook functions: a tenant
// key manages its tenant's endpoints only, pulls its tenant's events only; every answer is checked
// against the OpenAPI document.
import { afterAll, expect, it } from "vitest";
import type { PublicEvent } from "../events/list-events";
import { describeEachDb } from "../test/databases";
import { sequenceAndFanOut } from "../webhooks/fan-out";
import type { Delivery, WebhookEndpoint } from "../webhooks/webhooks.types";
import { contractLog, restCall } from "./test/rest-client";
import { ACME, GLOBEX, seedRestFixture, type RestKeys } from "./test/rest-fixture";

afterAll(() => {
  expect(contractLog.filter((c) => c.problems.length > 0)).toEqual([]);
});

interface Page<T> {
  data: T[];
  next_cursor: string | null;
}
type WithSecret = WebhookEndpoint & { secret: string };

describeEachDb("REST webhooks and events", (get) => {
  let keys: RestKeys;
  const db = () => get().db;
  const call = <T>(method: string, path: string, key: string, body?: unknown) =>
    restCall<T>(db(), method, path, { key, body });

  it("seeds keys", async () => {
    keys = await seedRestFixture(db());
  });

  it("endpoints: add (secret once), list, get, rotate, test, deliveries, redeliver, delete", async () => {
    const created = await call<WithSecret>("POST", "/webhook-endpoints", keys.acme, {
      url: "https://hooks.example.com/acme",
      events: ["connection.paused", "connection.resumed"],
      description: "Acme sync workers",
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      url: "https://hooks.example.com/acme",
      tenant_id: "ten_acme",
      status: "active",
      events: ["connection.paused", "connection.resumed"],
    });
    expect(created.body.secret).toMatch(/^whsec_/);
    const id = created.body.id;

    const listed = await call<Page<WebhookEndpoint>>("GET", "/webhook-endpoints", keys.acme);
    expect(listed.body.data.map((e) => e.id)).toContain(id);
    expect(JSON.stringify(listed.body)).not.toContain(created.body.secret);
    expect((await call<WebhookEndpoint>("GET", `/webhook-endpoints/${id}`, keys.acme)).body.id).toBe(id);

    const rotated = await call<WithSecret>("POST", `/webhook-endpoints/${id}/rotate-secret`, keys.acme);
    expect(rotated.body.secret).toMatch(/^whsec_/);
    expect(rotated.body.secret).not.toBe(created.body.secret);

    const test = await call<Delivery>("POST", `/webhook-endpoints/${id}/test`, keys.acme);
    expect(test.status).toBe(201);
    expect(test.body).toMatchObject({ endpoint_id: id, event_type: "webhook.test", status: "pending" });
    const deliveries = await call<Page<Delivery>>("GET", `/webhook-endpoints/${id}/deliveries`, keys.acme);
    expect(deliveries.body.data.map((d) => d.id)).toContain(test.body.id);
    const again = await call<Delivery>("POST", `/deliveries/${test.body.id}/redeliver`, keys.acme);
    expect(again.status).toBe(201);

    expect((await call("DELETE", `/webhook-endpoints/${id}`, keys.acme)).body).toEqual({ id, deleted: true });
    expect((await call("GET", `/webhook-endpoints/${id}`, keys.acme)).status).toBe(404);
    expect((await call("DELETE", `/webhook-endpoints/${id}`, keys.acme)).status).toBe(404);
  });

  it("needs webhooks:manage; bad URLs and event types are 400", async () => {
    const refused = await call<{ detail: string }>("GET", "/webhook-endpoints", keys.acmeReader);
    expect(refused.status).toBe(403);
    expect(refused.body.detail).toMatch(/lacks the scope webhooks:manage/);
    const ftp = await call<{ detail: string }>("POST", "/webhook-endpoints", keys.acme, {
      url: "ftp://hooks.example.com/x",
      events: ["connection.paused"],
    });
    expect(ftp.status).toBe(400);
    expect(ftp.body.detail).toMatch(/https:\/\/ or http:\/\//);
    const unknown = await call("POST", "/webhook-endpoints", keys.acme, {
      url: "https://hooks.example.com/x",
      events: ["connection.exploded"],
    });
    expect(unknown.status).toBe(400);
  });

  it("a tenant key cannot reach another tenant's endpoints or deliveries, nor name another tenant", async () => {
    const globex = await call<WithSecret>("POST", "/webhook-endpoints", keys.platform, {
      url: "https://hooks.example.com/globex",
      events: ["connection.paused"],
      tenant_id: "ten_globex",
    });
    expect(globex.body.tenant_id).toBe("ten_globex");
    const delivery = await call<Delivery>("POST", `/webhook-endpoints/${globex.body.id}/test`, keys.platform);
    for (const [method, path] of [
      ["GET", `/webhook-endpoints/${globex.body.id}`],
      ["DELETE", `/webhook-endpoints/${globex.body.id}`],
      ["POST", `/webhook-endpoints/${globex.body.id}/rotate-secret`],
      ["POST", `/webhook-endpoints/${globex.body.id}/test`],
      ["GET", `/webhook-endpoints/${globex.body.id}/deliveries`],
      ["POST", `/deliveries/${delivery.body.id}/redeliver`],
    ] as const) {
      expect({ method, path, status: (await call(method, path, keys.acme)).status }).toEqual({
        method,
        path,
        status: 404,
      });
    }
    const listed = await call<Page<WebhookEndpoint>>("GET", "/webhook-endpoints", keys.acme);
    expect(listed.body.data.map((e) => e.id)).not.toContain(globex.body.id);
    const named = await call("POST", "/webhook-endpoints", keys.acme, {
      url: "https://hooks.example.com/sneaky",
      events: ["connection.paused"],
      tenant_id: "ten_globex",
    });
    expect(named.status).toBe(404);
    const still = await db().selectFrom("webhook_endpoints").select("id").where("id", "=", globex.body.id).execute();
    expect(still).toHaveLength(1);
  });

  it("GET /events: a pause over REST becomes connection.paused, pulled by cursor; a tenant key sees its tenant's only", async () => {
    const start = await call<{ next_cursor: string; data: PublicEvent[] }>("GET", "/events", keys.acme);
    await sequenceAndFanOut(db());
    const from = (await call<{ next_cursor: string }>("GET", "/events?limit=500", keys.acme)).body.next_cursor;
    expect(start.status).toBe(200);
    await call("POST", `/connections/${ACME}/pause`, keys.acme, { reason: "events test" });
    await call("POST", `/connections/${GLOBEX}/pause`, keys.platform, { reason: "globex events test" });
    await sequenceAndFanOut(db());
    const page = await call<{ next_cursor: string; has_more: boolean; data: PublicEvent[] }>(
      "GET",
      `/events?after=${from}`,
      keys.acme,
    );
    expect(page.body.data.map((e) => e.type)).toEqual(["connection.paused"]);
    expect(page.body.data[0]).toMatchObject({ tenant: { id: "ten_acme" }, data: { connection: { id: ACME } } });
    const after = await call<{ data: PublicEvent[]; next_cursor: string }>(
      "GET",
      `/events?after=${page.body.next_cursor}`,
      keys.acme,
    );
    expect(after.body.data).toEqual([]);
    expect(after.body.next_cursor).toBe(page.body.next_cursor);
    const everyone = await call<{ data: PublicEvent[] }>("GET", `/events?after=${from}`, keys.platform);
    expect(everyone.body.data.map((e) => e.tenant.id).sort()).toEqual(["ten_acme", "ten_globex"]);
    expect((await call("GET", "/events?after=abc", keys.acme)).status).toBe(400);
    expect((await call("GET", "/events", keys.ingestOnly)).status).toBe(403);
  });
});
