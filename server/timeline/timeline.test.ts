// A connection's timeline: every source merged newest first, filtered by kind, paged without
// gaps or repeats, and another tenant's connection not found.
import { expect, it } from "vitest";
import { seedBase } from "../demo-data/seed-demo";
import { acmeAdmin, callerAs, globexAdmin } from "../test/callers";
import { describeEachDb } from "../test/databases";
import { insertRichConnection } from "../test/detail-fixture";

const NOW = Date.now();
const ID = "con_tl_1";

describeEachDb(
  "connection timeline",
  (get) => {
    it("merges runs, errors, links and changes newest first, and pages through all of them", async () => {
      const { db } = get();
      const admin = callerAs(db, acmeAdmin());
      const all = await admin.timeline.list({ connectionId: ID, limit: 100 });
      const kinds = new Set(all.entries.map((e) => e.kind));
      expect([...kinds].sort()).toEqual(["change", "error", "link", "pause", "run"]);
      const ats = all.entries.map((e) => e.at);
      expect(ats).toEqual([...ats].sort().reverse());
      // 12 runs, 7 errors (4 resolved: 11 entries), a link, a pause and a tag change.
      expect(all.entries.filter((e) => e.kind === "run")).toHaveLength(12);
      expect(all.entries.filter((e) => e.kind === "error")).toHaveLength(7 + 4);
      const paged: string[] = [];
      let cursor: string | null = null;
      for (let i = 0; i < 20; i++) {
        const page = await admin.timeline.list({ connectionId: ID, limit: 4, cursor });
        paged.push(...page.entries.map((e) => e.id));
        cursor = page.nextCursor;
        if (!cursor) break;
      }
      expect(paged).toEqual(all.entries.map((e) => e.id));
      const errorsOnly = await admin.timeline.list({ connectionId: ID, kinds: ["error"], limit: 100 });
      expect(errorsOnly.entries.every((e) => e.kind === "error")).toBe(true);
      expect(errorsOnly.entries).toHaveLength(11);
    });

    it("does not show another tenant's connection", async () => {
      const { db } = get();
      await expect(callerAs(db, globexAdmin()).timeline.list({ connectionId: ID })).rejects.toThrow(/not found/);
    });
  },
  async ({ db }) => {
    await seedBase(db, NOW);
    await insertRichConnection(db, { id: ID, tenantId: "ten_acme", runs: 12, errors: 7, audits: 0, now: NOW });
    const admin = callerAs(db, acmeAdmin());
    const version = (
      await db.selectFrom("connections").select("version").where("id", "=", ID).executeTakeFirstOrThrow()
    ).version;
    await admin.actions.pauseConnection({ id: ID, expectedVersion: version, reason: "Timeline test" });
    await admin.tags.set({ connectionId: ID, tags: ["timeline"] });
    await admin.relink.create({ connectionId: ID });
  },
);
