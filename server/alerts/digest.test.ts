// Daily e-mail digests on both databases, against a real SMTP server: a daily rule's firings show
// in the bell at once but send no e-mail; the first pass of the next UTC day sends exactly one
// e-mail listing them all, and no later pass (same day, or a "restart" re-reading the rule) sends
// it again. An immediate rule beside it still e-mails at firing time.
import { randomUUID } from "node:crypto";
import { expect, it } from "vitest";
import type { DB } from "../../db";
import { loadFixture } from "../adapters/fixtures/load-fixture";
import { seedDemo } from "../demo-data/seed-demo";
import { mimePart } from "../email/testing-smtp";
import { useTestSmtp } from "../email/use-test-smtp";
import { ingestText, tenantRow } from "../ingest/test-support";
import { acmeAdmin, callerAs } from "../test/callers";
import { describeEachDb } from "../test/databases";
import { sendDigests } from "./digest";
import { evaluateAlerts } from "./evaluate";

const codat = loadFixture("vendor/codat-connection-example-6.json") as Record<string, unknown>;

async function deauthorizedConnection(db: DB) {
  const platformId = randomUUID();
  const tenant = await tenantRow(db, "acme");
  const body = (status: string) => JSON.stringify({ ...codat, id: platformId, status });
  await ingestText(db, "codat", body("Linked"), { tenant });
  const { id, name } = await db
    .selectFrom("connections")
    .select(["id", "name"])
    .where("platform_id", "=", platformId)
    .executeTakeFirstOrThrow();
  return { id, name, deauthorize: () => ingestText(db, "codat", body("Deauthorized"), { tenant }) };
}

const at = (iso: string) => ({ now: new Date(iso) });

describeEachDb(
  "alert e-mail digests",
  (get) => {
    const smtp = useTestSmtp();
    const mailsOf = (name: string) => smtp().messages.filter((m) => m.raw.includes(name));

    it("a daily rule sends one digest per day for all its firings, never twice", async () => {
      const { db } = get();
      const admin = callerAs(db, acmeAdmin());
      const daily = await admin.alerts.create({
        name: "Relink digest",
        kind: "needs_relink",
        email: true,
        email_to: ["digest@acme.test"],
        delivery: "daily",
        bell: true,
      });
      expect(daily.delivery).toBe("daily");
      const immediate = await admin.alerts.create({
        name: "Relink now",
        kind: "needs_relink",
        email: true,
        email_to: ["now@acme.test"],
        bell: false,
      });
      expect(immediate.delivery).toBe("immediate");

      const conns = [];
      for (let i = 0; i < 3; i++) conns.push(await deauthorizedConnection(db));
      for (const c of conns.slice(0, 2)) await c.deauthorize();
      await evaluateAlerts(db, at("2030-01-10T09:00:00Z"));
      await conns[2]?.deauthorize();
      await evaluateAlerts(db, at("2030-01-10T17:30:00Z"));

      // Firing time: the bell has all three, the daily rule sent nothing, the immediate one did.
      const bell = await admin.alerts.notifications({ limit: 100, ruleId: daily.id });
      expect(bell.items.map((n) => n.connection_id).sort()).toEqual(conns.map((c) => c.id).sort());
      expect(bell.items.every((n) => n.email_status === "pending")).toBe(true);
      expect(mailsOf("Relink digest")).toHaveLength(0);
      expect(mailsOf("Relink now")).toHaveLength(2);

      // The same day's later passes send nothing.
      await evaluateAlerts(db, at("2030-01-10T23:59:00Z"));
      expect(mailsOf("Relink digest")).toHaveLength(0);

      // The next day's first pass sends one digest listing the three; later passes none.
      const report = await evaluateAlerts(db, at("2030-01-11T00:01:00Z"));
      expect(report.digests).toBe(1);
      await evaluateAlerts(db, at("2030-01-11T00:02:00Z"));
      expect(await sendDigests(db, new Date("2030-01-11T08:00:00Z"))).toBe(0);
      const digests = mailsOf("Relink digest");
      expect(digests).toHaveLength(1);
      expect(digests[0]?.to).toEqual(["digest@acme.test"]);
      const text = mimePart(digests[0]?.raw ?? "", "text/plain") ?? "";
      for (const c of conns) expect(text).toContain(`${c.name}: needs relink`);
      for (const c of conns) expect(text).toContain(`/connections/${c.id}`);
      expect(text).toContain("needs relink");
      expect(text).toContain("2030-01-10 17:30 UTC");
      const after = await admin.alerts.notifications({ limit: 100, ruleId: daily.id });
      expect(after.items.map((n) => n.email_status)).toEqual(["sent", "sent", "sent"]);

      // Nothing new fired: the day after sends no empty digest.
      await evaluateAlerts(db, at("2030-01-12T00:01:00Z"));
      expect(mailsOf("Relink digest")).toHaveLength(1);
      expect(mailsOf("Relink now")).toHaveLength(2);

      // Two workers racing on the next digest: the day's claim lets exactly one of them send.
      const late = await deauthorizedConnection(db);
      await late.deauthorize();
      await evaluateAlerts(db, at("2030-01-12T15:00:00Z"));
      const day = new Date("2030-01-13T00:01:00Z");
      const sent = await Promise.all([sendDigests(db, day), sendDigests(db, day), sendDigests(db, day)]);
      expect(sent.reduce((a, b) => a + b, 0)).toBe(1);
      expect(mailsOf("Relink digest")).toHaveLength(2);
      expect(mimePart(mailsOf("Relink digest")[1]?.raw ?? "", "text/plain")).toContain(`/connections/${late.id}`);
    });

    it("delivery must be immediate or daily", async () => {
      const { db } = get();
      await expect(
        callerAs(db, acmeAdmin()).alerts.create({
          name: "Bad",
          kind: "needs_relink",
          email: true,
          email_to: ["x@acme.test"],
          delivery: "weekly" as "daily",
        }),
      ).rejects.toThrow(/delivery: one of immediate, daily/);
    });
  },
  async (t) => {
    await seedDemo(t.db, { connections: 40, seed: 11, now: Date.parse("2030-01-01T00:00:00Z") });
  },
);
