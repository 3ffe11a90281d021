// Relink e-mails against a real SMTP server started here (never a mock transport): both parts,
// the tenant, integration, access and expiry with its zone, no internal ids; the outcome on the
// ledger row; the local mailbox outside production without SMTP_URL; refusals recorded.
import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import { seedDemo } from "../demo-data/seed-demo";
import { pickConnection, tokenOf } from "../relink/relink-test-helpers";
import { acmeAdmin, callerAs, scopeAs, staff } from "../test/callers";
import { describeEachDb } from "../test/databases";
import { sendRelinkEmail } from "./send-relink-email";
import { mimePart, startTestSmtp, type TestSmtp } from "./testing-smtp";

const NOW = Date.parse("2026-11-01T12:00:00Z");

describeEachDb(
  "relink e-mail",
  (get) => {
    let smtp: TestSmtp;
    beforeAll(async () => {
      smtp = await startTestSmtp();
    });
    afterAll(() => smtp.close());
    afterEach(() => {
      delete process.env.SMTP_URL;
      delete process.env.MAIL_FROM;
      delete process.env.CONSOLE_ENV_OVERRIDE;
      smtp.refuse = null;
      smtp.messages.length = 0;
    });
    const ledgerRow = (id: string) =>
      get()
        .db.selectFrom("relink_links")
        .select(["sent_to", "sent_at", "send_error"])
        .where("id", "=", id)
        .executeTakeFirstOrThrow();
    let skip = 0;
    const connection = () => pickConnection(get().db, "ten_acme", false, skip++);

    it("sends an HTML and a plain-text part over SMTP naming tenant, integration, access and expiry; records sent_at", async () => {
      const { db } = get();
      process.env.SMTP_URL = smtp.url;
      process.env.MAIL_FROM = "Acme support <support@acme.test>";
      const id = await connection();
      const link = await callerAs(db, acmeAdmin()).relink.create({
        connectionId: id,
        recipientEmail: "cfo@customer.test",
        expiresInHours: 48,
        sendEmail: true,
      });
      expect(link.email).toEqual({ sent: true, error: null });
      expect(smtp.messages).toHaveLength(1);
      const [mail] = smtp.messages;
      if (!mail) throw new Error("no mail");
      expect(mail.to).toEqual(["cfo@customer.test"]);
      expect(mail.from).toBe("support@acme.test");
      expect(mail.raw).toMatch(/multipart\/alternative/i);
      const text = mimePart(mail.raw, "text/plain") ?? "";
      const html = mimePart(mail.raw, "text/html") ?? "";
      const facts = await db
        .selectFrom("connections")
        .innerJoin("integrations", "integrations.provider", "connections.provider")
        .select(["integrations.display_name", "integrations.scopes", "connections.name"])
        .where("connections.id", "=", id)
        .executeTakeFirstOrThrow();
      for (const part of [text, html]) {
        expect(part).toContain("Acme Corporation");
        expect(part).toContain(facts.display_name);
        expect(part).toContain(link.url);
        expect(part).toMatch(/America\/New_York/);
        expect(part).toMatch(/\b(EST|EDT|GMT-[45])\b/);
        // no internal ids: not the link's, not the connection's, not the tenant's
        expect(part).not.toContain(link.id);
        expect(part).not.toContain(id);
        expect(part).not.toContain("ten_acme");
      }
      expect((JSON.parse(facts.scopes) as string[]).length).toBeGreaterThan(0);
      expect(text).toMatch(/You will be asked to allow:\r?\n {2}- /);
      expect(html).toMatch(/<li>/);
      expect(mail.raw).toMatch(/Subject: Acme Corporation: please reconnect/);
      const row = await ledgerRow(link.id);
      expect(row).toMatchObject({ sent_to: "cfo@customer.test", send_error: null });
      expect(row.sent_at).not.toBeNull();
      const audit = await db
        .selectFrom("audit_events")
        .select(["action", "after"])
        .where("connection_id", "=", id)
        .execute();
      expect(audit.map((a) => a.action)).toEqual(["relink.created", "relink.emailed"]);
      // The customer can use the link that arrived.
      expect(tokenOf(link.url)).toHaveLength(43);
    });

    it("a refused recipient is recorded on the ledger row; the link still exists", async () => {
      const { db } = get();
      process.env.SMTP_URL = smtp.url;
      smtp.refuse = "Mailbox unavailable";
      const id = await connection();
      const link = await callerAs(db, acmeAdmin()).relink.create({
        connectionId: id,
        recipientEmail: "gone@customer.test",
        sendEmail: true,
      });
      expect(link.email?.sent).toBe(false);
      expect(link.email?.error).toMatch(/Mailbox unavailable/);
      const row = await ledgerRow(link.id);
      expect(row.sent_at).toBeNull();
      expect(row.send_error).toMatch(/Mailbox unavailable/);
      // Resend (with e-mail) sends the new link once the server takes it again.
      smtp.refuse = null;
      const resent = await callerAs(db, acmeAdmin()).relink.resend({ linkId: link.id, sendEmail: true });
      expect(resent.email).toEqual({ sent: true, error: null });
      expect(smtp.messages).toHaveLength(1);
      expect(mimePart(smtp.messages[0]?.raw ?? "", "text/plain")).toContain(resent.url);
    });

    it("without SMTP_URL outside production the mail goes to the local mailbox", async () => {
      const { db } = get();
      const id = await connection();
      const link = await callerAs(db, staff()).relink.create({
        connectionId: id,
        recipientEmail: "it@customer.test",
        sendEmail: true,
      });
      expect(link.email).toEqual({ sent: true, error: null });
      expect(smtp.messages).toHaveLength(0);
      const [stored] = await db
        .selectFrom("mailbox_messages")
        .selectAll()
        .where("to_address", "=", "it@customer.test")
        .execute();
      expect(stored?.subject).toMatch(/^Acme Corporation: please reconnect /);
      expect(stored?.text_body).toContain(link.url);
      expect(stored?.html_body).toContain("<a href=");
      expect((await ledgerRow(link.id)).sent_at).not.toBeNull();
    });

    it("refuses a URL that is not the link's own, a used-up link, and sending without a recipient", async () => {
      const { db } = get();
      const id = await connection();
      const link = await callerAs(db, acmeAdmin()).relink.create({
        connectionId: id,
        recipientEmail: "a@customer.test",
      });
      const scope = scopeAs(db, acmeAdmin());
      await expect(
        sendRelinkEmail(scope, link.id, { to: "a@customer.test", url: "https://evil.example/link/" + "A".repeat(43) }),
      ).rejects.toThrow(/not this link/);
      await expect(sendRelinkEmail(scope, link.id, { to: "not-an-address", url: link.url })).rejects.toThrow(/e-mail/);
      await callerAs(db, acmeAdmin()).relink.revoke({ linkId: link.id });
      await expect(sendRelinkEmail(scope, link.id, { to: "a@customer.test", url: link.url })).rejects.toThrow(
        /revoked/,
      );
      await expect(callerAs(db, acmeAdmin()).relink.create({ connectionId: id, sendEmail: true })).rejects.toThrow(
        /recipientEmail/,
      );
    });

    it("bulk links are e-mailed one by one to the batch recipient", async () => {
      const { db } = get();
      process.env.SMTP_URL = smtp.url;
      const ids = [await connection(), await connection()];
      for (const id of ids) await db.updateTable("connections").set({ needs_relink: 1 }).where("id", "=", id).execute();
      const result = await callerAs(db, acmeAdmin()).relink.bulkCreate({
        connectionIds: ids,
        recipientEmail: "ops@customer.test",
        sendEmail: true,
      });
      expect(result.links.map((l) => l.email?.sent)).toEqual([true, true]);
      expect(smtp.messages).toHaveLength(2);
      const urls = smtp.messages.map((m) => mimePart(m.raw, "text/plain") ?? "");
      for (const link of result.links) expect(urls.some((t) => t.includes(link.url))).toBe(true);
    });
  },
  async (t) => {
    await seedDemo(t.db, { connections: 200, seed: 9, now: NOW });
  },
);
