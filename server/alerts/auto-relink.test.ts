// The auto-relink option on both databases, against a real SMTP server: when a connection starts
// needing relink, one new link goes to its customer (the last link's recipient) through the relink
// code (audit in the link's transaction), nothing for a connection with no known customer or of
// another tenant, one resend after the link expires unused, and never a second resend.
import { expect, it } from "vitest";
import type { DB } from "../../db";
import { seedDemo } from "../demo-data/seed-demo";
import { useTestSmtp } from "../email/use-test-smtp";
import { createRelinkLink } from "../relink/create-link";
import { breakConnection } from "../relink/relink-test-helpers";
import { acmeAdmin, callerAs, globexAdmin, scopeAs, staff } from "../test/callers";
import { describeEachDb } from "../test/databases";
import { evaluateAlerts } from "./evaluate";

async function relinkable(db: DB, tenantId: string, skip: number): Promise<string> {
  const row = await db
    .selectFrom("connections")
    .innerJoin("integrations", "integrations.provider", "connections.provider")
    .select("connections.id")
    .where("connections.tenant_id", "=", tenantId)
    .where("connections.needs_relink", "=", 0)
    .where("integrations.auth_kind", "=", "oauth2")
    .orderBy("connections.id")
    .offset(skip)
    .limit(1)
    .executeTakeFirstOrThrow();
  return row.id;
}

const linksOf = (db: DB, connectionId: string) =>
  db.selectFrom("relink_links").selectAll().where("connection_id", "=", connectionId).orderBy("created_at").execute();

describeEachDb(
  "auto-relink alert rules",
  (get) => {
    const smtp = useTestSmtp();
    const mailsTo = (to: string) => smtp().messages.filter((m) => m.to.includes(to));

    it("sends one link when a connection starts needing relink, and resends once after it expires unused", async () => {
      const { db } = get();
      const origin = "http://localhost:3000";
      const conn = await relinkable(db, "ten_acme", 0);
      const unknown = await relinkable(db, "ten_acme", 1);
      const globex = await relinkable(db, "ten_globex", 0);
      // Earlier links a person sent: that is how the console knows each customer's address.
      await createRelinkLink(
        scopeAs(db, acmeAdmin()),
        { connectionId: conn, recipientEmail: "customer@client.test", revokeOpen: false, sendEmail: true },
        origin,
      );
      await createRelinkLink(
        scopeAs(db, globexAdmin()),
        { connectionId: globex, recipientEmail: "other@globex-client.test", revokeOpen: false, sendEmail: true },
        origin,
      );
      expect(mailsTo("customer@client.test")).toHaveLength(1);

      const rule = await callerAs(db, acmeAdmin()).alerts.create({
        name: "Auto relink",
        kind: "needs_relink",
        auto_relink: true,
        bell: false,
      });
      expect(rule.auto_relink).toBe(true);
      for (const id of [conn, unknown, globex]) await breakConnection(db, id);
      await evaluateAlerts(db);
      await evaluateAlerts(db);

      const links = await linksOf(db, conn);
      expect(links).toHaveLength(2);
      expect(links[0]?.revoked_at).not.toBeNull();
      expect(links[1]).toMatchObject({ created_by: "alerts", sent_to: "customer@client.test", revoked_at: null });
      expect(links[1]?.sent_at).not.toBeNull();
      expect(mailsTo("customer@client.test")).toHaveLength(2);
      const audit = await db
        .selectFrom("audit_events")
        .select(["actor_id", "note"])
        .where("action", "=", "relink.created")
        .where("connection_id", "=", conn)
        .where("actor_id", "=", "alerts")
        .execute();
      expect(audit).toHaveLength(1);
      expect(audit[0]?.note).toContain("Auto relink");
      // No known customer, or another tenant's connection: nothing.
      expect(await linksOf(db, unknown)).toHaveLength(0);
      expect(await linksOf(db, globex)).toHaveLength(1);
      expect(mailsTo("other@globex-client.test")).toHaveLength(1);

      // The link expires unused: one new link, once.
      const expire = (id: string) =>
        db.updateTable("relink_links").set({ expires_at: "2020-01-01T00:00:00.000Z" }).where("id", "=", id).execute();
      await expire(links[1]?.id ?? "");
      await evaluateAlerts(db);
      await evaluateAlerts(db);
      const resent = await linksOf(db, conn);
      expect(resent).toHaveLength(3);
      expect(resent[2]).toMatchObject({ created_by: "alerts", sent_to: "customer@client.test" });
      expect(mailsTo("customer@client.test")).toHaveLength(3);

      await expire(resent[2]?.id ?? "");
      await evaluateAlerts(db);
      expect(await linksOf(db, conn)).toHaveLength(3);
      expect(mailsTo("customer@client.test")).toHaveLength(3);
    });

    it("refuses auto-relink on another kind or over every tenant, naming the field", async () => {
      const { db } = get();
      await expect(
        callerAs(db, acmeAdmin()).alerts.create({ name: "x", kind: "stale", threshold: 3, auto_relink: true }),
      ).rejects.toThrow(/auto_relink: only for/);
      await expect(
        callerAs(db, staff()).alerts.create({ name: "y", kind: "needs_relink", auto_relink: true }),
      ).rejects.toThrow(/auto_relink: choose a tenant/);
      const everyTenant = await callerAs(db, staff()).alerts.create({ name: "z", kind: "needs_relink" });
      await expect(
        callerAs(db, staff()).alerts.update({
          id: everyTenant.id,
          expectedVersion: everyTenant.version,
          rule: { name: "z", kind: "needs_relink", auto_relink: true },
        }),
      ).rejects.toThrow(/auto_relink: choose a tenant/);
    });
  },
  async (t) => {
    await seedDemo(t.db, { connections: 60, seed: 5, now: Date.parse("2026-11-01T12:00:00Z") });
  },
);
