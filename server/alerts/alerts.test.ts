// Alert rules end to end on both databases: a rule fires once per condition (not on every ingest
// or tick), fires again after the condition clears and returns, never sees another tenant's
// connections, e-mails a real SMTP server, hands its webhook channel to the outbox, refuses
// viewers and bad input with a sentence naming the field, and writes audit + outbox per change.
import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import type { DB } from "../../db";
import { loadFixture } from "../adapters/fixtures/load-fixture";
import { seedDemo } from "../demo-data/seed-demo";
import { mimePart, startTestSmtp, type TestSmtp } from "../email/testing-smtp";
import { ingestText, tenantRow } from "../ingest/test-support";
import { acmeAdmin, acmeViewer, callerAs, globexAdmin, staff } from "../test/callers";
import { describeEachDb } from "../test/databases";
import { runOutboxTick } from "../webhooks/outbox-tick";
import { startReceiver, type Receiver } from "../webhooks/testing/receiver";
import { evaluateAlerts } from "./evaluate";

const NOW = Date.parse("2026-11-01T12:00:00Z");
const codat = loadFixture("vendor/codat-connection-example-6.json") as Record<string, unknown>;

/** A codat connection of `tenant` whose status the test sets by ingesting it again. */
async function codatConnection(db: DB, tenant: "acme" | "globex") {
  const platformId = randomUUID();
  const row = await tenantRow(db, tenant);
  const set = async (status: "Linked" | "Deauthorized") => {
    await ingestText(db, "codat", JSON.stringify({ ...codat, id: platformId, status }), { tenant: row });
  };
  await set("Linked");
  const { id } = await db
    .selectFrom("connections")
    .select("id")
    .where("platform_id", "=", platformId)
    .executeTakeFirstOrThrow();
  return { id, set };
}

const notificationsFor = (db: DB, ruleId: string, connectionId?: string) => {
  let q = db.selectFrom("alert_notifications").selectAll().where("rule_id", "=", ruleId);
  if (connectionId) q = q.where("connection_id", "=", connectionId);
  return q.orderBy("created_at").execute();
};

const relinkRule = (extra: Record<string, unknown> = {}) => ({
  name: "Needs relink",
  kind: "needs_relink" as const,
  bell: true,
  ...extra,
});

describeEachDb(
  "alert rules",
  (get) => {
    let smtp: TestSmtp;
    let receiver: Receiver;
    beforeAll(async () => {
      smtp = await startTestSmtp();
      receiver = await startReceiver();
    });
    afterAll(async () => {
      await smtp.close();
      await receiver.close();
    });
    afterEach(() => {
      delete process.env.SMTP_URL;
      smtp.messages.length = 0;
    });

    it("fires once per condition: not again on re-ingest of the same data or another tick", async () => {
      const { db } = get();
      const rule = await callerAs(db, acmeAdmin()).alerts.create(relinkRule());
      const conn = await codatConnection(db, "acme");
      await evaluateAlerts(db);
      expect(await notificationsFor(db, rule.id, conn.id)).toHaveLength(0);

      await conn.set("Deauthorized");
      const first = await evaluateAlerts(db);
      expect(first.fired).toBeGreaterThanOrEqual(1);
      const fired = await notificationsFor(db, rule.id, conn.id);
      expect(fired).toHaveLength(1);
      expect(fired[0]?.title).toContain("needs relink");

      await conn.set("Deauthorized");
      await evaluateAlerts(db);
      await evaluateAlerts(db);
      expect(await notificationsFor(db, rule.id, conn.id)).toHaveLength(1);

      const bell = await callerAs(db, acmeViewer()).alerts.notifications({ limit: 50 });
      expect(bell.items.filter((n) => n.connection_id === conn.id)).toEqual([
        expect.objectContaining({ rule_id: rule.id, href: `/connections/${conn.id}`, read: false }),
      ]);
      expect(bell.unread).toBeGreaterThanOrEqual(1);
    });

    it("a condition that clears and comes back fires again", async () => {
      const { db } = get();
      const rule = await callerAs(db, staff()).alerts.create(relinkRule({ name: "Relink (all tenants)" }));
      const conn = await codatConnection(db, "globex");
      await conn.set("Deauthorized");
      await evaluateAlerts(db);
      expect(await notificationsFor(db, rule.id, conn.id)).toHaveLength(1);

      await conn.set("Linked");
      const cleared = await evaluateAlerts(db);
      expect(cleared.cleared).toBeGreaterThanOrEqual(1);
      const state = await db
        .selectFrom("alert_firings")
        .select(["active", "cleared_at"])
        .where("rule_id", "=", rule.id)
        .where("subject_id", "=", conn.id)
        .executeTakeFirstOrThrow();
      expect(state.active).toBe(0);
      expect(state.cleared_at).not.toBeNull();
      await evaluateAlerts(db);
      expect(await notificationsFor(db, rule.id, conn.id)).toHaveLength(1);

      await conn.set("Deauthorized");
      await evaluateAlerts(db);
      await evaluateAlerts(db);
      expect(await notificationsFor(db, rule.id, conn.id)).toHaveLength(2);
    });

    it("a tenant admin's rule never sees another tenant's connections", async () => {
      const { db } = get();
      const globexRule = await callerAs(db, globexAdmin()).alerts.create(relinkRule({ name: "Globex relink" }));
      expect(globexRule.tenant_id).toBe("ten_globex");
      // Its baseline holds only Globex's connections, though Acme has some that need relink.
      const baseline = await db
        .selectFrom("alert_firings")
        .select(["tenant_id"])
        .where("rule_id", "=", globexRule.id)
        .execute();
      expect(baseline.every((f) => f.tenant_id === "ten_globex")).toBe(true);
      const acmeNeeding = await db
        .selectFrom("connections")
        .select("id")
        .where("tenant_id", "=", "ten_acme")
        .where("needs_relink", "=", 1)
        .execute();
      expect(acmeNeeding.length).toBeGreaterThan(0);

      const acme = await codatConnection(db, "acme");
      const globex = await codatConnection(db, "globex");
      await acme.set("Deauthorized");
      await globex.set("Deauthorized");
      await evaluateAlerts(db);
      const notes = await notificationsFor(db, globexRule.id);
      expect(notes.map((n) => n.connection_id)).toEqual([globex.id]);
      expect(notes.every((n) => n.tenant_id === "ten_globex")).toBe(true);

      // Acme's users neither see Globex's rule nor its notifications, nor can they change it.
      const acmeCaller = callerAs(db, acmeAdmin());
      expect((await acmeCaller.alerts.rules()).map((r) => r.id)).not.toContain(globexRule.id);
      const bell = await acmeCaller.alerts.notifications({ limit: 100, bellOnly: false });
      expect(bell.items.every((n) => n.tenant_id === "ten_acme")).toBe(true);
      expect(bell.items.map((n) => n.rule_id)).not.toContain(globexRule.id);
      await expect(
        acmeCaller.alerts.setEnabled({ id: globexRule.id, expectedVersion: 1, enabled: false }),
      ).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(acmeCaller.alerts.delete({ id: globexRule.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(acmeCaller.alerts.create(relinkRule({ tenant_id: "ten_globex" }))).rejects.toMatchObject({
        code: "NOT_FOUND",
      });
      // Support's notifications of an all-tenant rule are staff's only.
      const staffRule = await callerAs(db, staff()).alerts.create(relinkRule({ name: "Staff relink" }));
      const another = await codatConnection(db, "acme");
      await another.set("Deauthorized");
      await evaluateAlerts(db);
      expect(await notificationsFor(db, staffRule.id, another.id)).toHaveLength(1);
      const acmeBell = await acmeCaller.alerts.notifications({ limit: 100, bellOnly: false });
      expect(acmeBell.items.map((n) => n.rule_id)).not.toContain(staffRule.id);
      const staffBell = await callerAs(db, staff()).alerts.notifications({ limit: 100 });
      expect(staffBell.items.map((n) => n.connection_id)).toContain(another.id);
    });

    it("the e-mail channel delivers to a real SMTP server and records the outcome", async () => {
      const { db } = get();
      process.env.SMTP_URL = smtp.url;
      const rule = await callerAs(db, acmeAdmin()).alerts.create(
        relinkRule({ name: "Mail ops", email: true, email_to: ["Ops@Acme.test", "cfo@acme.test"], bell: false }),
      );
      expect(rule.email_to).toEqual(["ops@acme.test", "cfo@acme.test"]);
      const conn = await codatConnection(db, "acme");
      await conn.set("Deauthorized");
      await evaluateAlerts(db);
      const mine = smtp.messages.filter((m) => m.raw.includes("Mail ops"));
      expect(mine).toHaveLength(1);
      expect(mine[0]?.to.sort()).toEqual(["cfo@acme.test", "ops@acme.test"]);
      const text = mimePart(mine[0]?.raw ?? "", "text/plain") ?? "";
      expect(text).toContain(`/connections/${conn.id}`);
      expect(text).toContain("needs relink");
      const [note] = await notificationsFor(db, rule.id, conn.id);
      expect(note).toMatchObject({ email_status: "sent", email_error: null, bell: 0 });

      // Another tick sends nothing more.
      await evaluateAlerts(db);
      expect(smtp.messages.filter((m) => m.raw.includes("Mail ops"))).toHaveLength(1);
      // A bell-less rule's notification is not in the bell.
      const bell = await callerAs(db, acmeAdmin()).alerts.notifications({ limit: 100 });
      expect(bell.items.map((n) => n.rule_id)).not.toContain(rule.id);
    });

    it("the webhook channel writes alert.triggered to the outbox and delivers it to the chosen endpoint", async () => {
      const { db } = get();
      const drain = async () => {
        for (;;) {
          const r = await runOutboxTick(db, { allowPrivate: true });
          if (r.sequenced === 0 && r.attempted === 0) return;
        }
      };
      await drain();
      const admin = callerAs(db, acmeAdmin());
      const { endpoint } = await admin.webhooks.create({
        url: `${receiver.url}/alerts`,
        events: ["connection.paused"],
      });
      const other = await callerAs(db, globexAdmin()).webhooks.create({
        url: `${receiver.url}/globex`,
        events: ["connection.paused"],
      });
      await expect(admin.alerts.create(relinkRule({ webhook_endpoint_id: other.endpoint.id }))).rejects.toMatchObject({
        code: "NOT_FOUND",
        message: expect.stringContaining("webhook_endpoint_id"),
      });
      await expect(
        callerAs(db, staff()).alerts.create(relinkRule({ webhook_endpoint_id: endpoint.id })),
      ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("platform-wide") });
      const rule = await admin.alerts.create(
        relinkRule({ name: "Hook", bell: false, webhook_endpoint_id: endpoint.id }),
      );
      const conn = await codatConnection(db, "acme");
      await conn.set("Deauthorized");
      await evaluateAlerts(db);
      const [note] = await notificationsFor(db, rule.id, conn.id);
      expect(note?.webhook_event_id).toBeTruthy();
      const event = await db
        .selectFrom("events")
        .select(["type", "tenant_id", "connection_id", "body"])
        .where("id", "=", note?.webhook_event_id ?? "")
        .executeTakeFirstOrThrow();
      expect(event).toMatchObject({ type: "alert.triggered", tenant_id: "ten_acme", connection_id: conn.id });
      const before = receiver.received.length;
      await drain();
      const got = receiver.received.slice(before).map((r) => JSON.parse(r.body) as { type: string; data: unknown });
      const alerts = got.filter((b) => b.type === "alert.triggered");
      expect(alerts).toHaveLength(1);
      expect(alerts[0]?.data).toMatchObject({
        connection: { id: conn.id },
        alert: { rule: { id: rule.id, name: "Hook" }, endpoint_id: endpoint.id },
      });
      const deliveries = await db
        .selectFrom("webhook_deliveries")
        .select(["endpoint_id"])
        .where("event_id", "=", note?.webhook_event_id ?? "")
        .execute();
      expect(deliveries).toEqual([{ endpoint_id: endpoint.id }]);
    });

    it("a viewer sees rules but cannot create or change them", async () => {
      const { db } = get();
      const rule = await callerAs(db, acmeAdmin()).alerts.create(relinkRule({ name: "Seen by viewer" }));
      const viewer = callerAs(db, acmeViewer());
      expect((await viewer.alerts.rules()).map((r) => r.id)).toContain(rule.id);
      await expect(viewer.alerts.create(relinkRule())).rejects.toMatchObject({
        code: "FORBIDDEN",
        message: "Viewers can see alert rules but not change them.",
      });
      await expect(viewer.alerts.delete({ id: rule.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(
        viewer.alerts.setEnabled({ id: rule.id, expectedVersion: rule.version, enabled: false }),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
    });

    it("bad input gets a readable error naming the field", async () => {
      const { db } = get();
      const admin = callerAs(db, acmeAdmin());
      const cases: [Record<string, unknown>, RegExp][] = [
        [{ kind: "stale", threshold: 0 }, /threshold/],
        [{ kind: "auth_expiring", threshold: -3 }, /threshold/],
        [{ kind: "auth_expiring" }, /threshold: how many days/],
        [{ kind: "status_is", status: "exploded" }, /status: one of pending, active/],
        [{ kind: "status_is" }, /status: choose the status/],
        [{ kind: "sometimes" }, /kind: one of/],
        [{ email: true, email_to: [] }, /email_to: give at least one address/],
        [{ email: true, email_to: ["not-an-address"] }, /email_to: "not-an-address" is not an e-mail address/],
        [{ name: "x".repeat(10_000) }, /name: at most 120 characters/],
        [{ name: "   " }, /name: give the rule a name/],
        [{ provider: "p".repeat(5_000) }, /provider: at most 100 characters/],
        [{ bell: false }, /channels: choose at least one/],
      ];
      for (const [input, message] of cases) {
        await expect(admin.alerts.create(relinkRule(input)), JSON.stringify(input).slice(0, 80)).rejects.toMatchObject({
          code: "BAD_REQUEST",
          message: expect.stringMatching(message),
        });
      }
      expect((await admin.alerts.rules()).map((r) => r.name)).not.toContain("   ");
    });

    it("rule changes write audit and outbox events in their transaction; a stale version conflicts", async () => {
      const { db } = get();
      const admin = callerAs(db, acmeAdmin());
      const rule = await admin.alerts.create({ name: "Stale syncs", kind: "stale", threshold: 3 });
      const disabled = await admin.alerts.setEnabled({ id: rule.id, expectedVersion: rule.version, enabled: false });
      expect(disabled).toMatchObject({ enabled: false, version: rule.version + 1 });
      await expect(
        admin.alerts.update({ id: rule.id, expectedVersion: rule.version, rule: { name: "x", kind: "needs_relink" } }),
      ).rejects.toMatchObject({ code: "CONFLICT" });
      await admin.alerts.delete({ id: rule.id });
      const audit = await db
        .selectFrom("audit_events")
        .select(["action", "tenant_id"])
        .where("action", "like", "alert_rule.%")
        .where("after", "like", `%${rule.id}%`)
        .orderBy("at")
        .execute();
      expect(audit.map((a) => a.action)).toEqual(["alert_rule.created", "alert_rule.updated", "alert_rule.deleted"]);
      const events = await db
        .selectFrom("events")
        .select(["type", "tenant_id"])
        .where("type", "like", "alert_rule.%")
        .where("body", "like", `%${rule.id}%`)
        .orderBy("position")
        .execute();
      expect(events).toEqual([
        { type: "alert_rule.created", tenant_id: "ten_acme" },
        { type: "alert_rule.updated", tenant_id: "ten_acme" },
        { type: "alert_rule.deleted", tenant_id: "ten_acme" },
      ]);
      expect(await notificationsFor(db, rule.id)).toEqual([]);
    });

    it("an error group that grows past N connections fires once per group and tenant; stale connections fire", async () => {
      const { db } = get();
      const admin = callerAs(db, acmeAdmin());
      const groupRule = await admin.alerts.create({ name: "Big group", kind: "error_group_size", threshold: 1 });
      const staleRule = await admin.alerts.create({ name: "Stale", kind: "stale", threshold: 30, provider: "pandle" });
      const a = await codatConnection(db, "acme");
      const b = await codatConnection(db, "acme");
      const platformIds = await db
        .selectFrom("connections")
        .select("platform_id")
        .where("id", "in", [a.id, b.id])
        .execute();
      const errors = platformIds.map((p, i) => ({
        connectionId: p.platform_id,
        statusCode: "418",
        errorMessage: `Teapot quota exceeded for order ${1000 + i}`,
        erroredOnUtc: "2026-11-30T10:00:00Z",
      }));
      await ingestText(db, "codat", JSON.stringify(errors), { kind: "errors" });
      await evaluateAlerts(db);
      await evaluateAlerts(db);
      const groupNotes = await notificationsFor(db, groupRule.id);
      expect(groupNotes).toHaveLength(1);
      expect(groupNotes[0]).toMatchObject({ tenant_id: "ten_acme", connection_id: null });
      expect(groupNotes[0]?.title).toMatch(/Error group affects 2 connections: .*Teapot quota exceeded/);
      const bell = await admin.alerts.notifications({ limit: 100 });
      expect(bell.items.find((n) => n.id === groupNotes[0]?.id)?.href).toBe(`/errors/${groupNotes[0]?.group_id}`);
      // The fixture's last sync is years ago: both new connections are stale, once each.
      const staleNotes = await notificationsFor(db, staleRule.id);
      expect(staleNotes.map((n) => n.connection_id).sort()).toEqual([a.id, b.id].sort());
    });

    it("marks notifications read per user", async () => {
      const { db } = get();
      await callerAs(db, acmeAdmin()).alerts.create(relinkRule({ name: "Read marks" }));
      const conn = await codatConnection(db, "acme");
      await conn.set("Deauthorized");
      await evaluateAlerts(db);
      const admin = callerAs(db, acmeAdmin());
      const before = await admin.alerts.notifications({ limit: 100 });
      const target = before.items.find((n) => n.connection_id === conn.id && !n.read);
      expect(target).toBeDefined();
      await admin.alerts.markRead({ ids: [target?.id ?? ""] });
      const after = await admin.alerts.notifications({ limit: 100 });
      expect(after.unread).toBe(before.unread - 1);
      expect(after.items.find((n) => n.id === target?.id)?.read).toBe(true);
      // The viewer's marks are their own.
      const viewer = await callerAs(db, acmeViewer()).alerts.notifications({ limit: 100 });
      expect(viewer.items.find((n) => n.id === target?.id)?.read).toBe(false);
      await admin.alerts.markRead({ all: true });
      expect((await admin.alerts.notifications({ limit: 1 })).unread).toBe(0);
    });
  },
  async (t) => {
    await seedDemo(t.db, { connections: 120, seed: 9, now: NOW });
  },
);
