// Tags: set on one connection (case-insensitive, audited), added and removed in bulk by ids or
// by filter, the list's tag filter, and never across tenants.
import { expect, it } from "vitest";
import { seedBase } from "../demo-data/seed-demo";
import { handleConnectionsExport } from "../connections/export/export-http";
import { acmeAdmin, acmeViewer, callerAs, globexAdmin, scopeAs, staff } from "../test/callers";
import { describeEachDb } from "../test/databases";
import { insertRichConnection } from "../test/detail-fixture";

const NOW = Date.now();
const ACME = ["con_tag_a1", "con_tag_a2", "con_tag_a3"];
const GLOBEX = ["con_tag_g1"];

describeEachDb(
  "tags",
  (get) => {
    it("sets one connection's tags, keeping the first spelling of each, and audits the change", async () => {
      const { db } = get();
      const admin = callerAs(db, acmeAdmin());
      const r = await admin.tags.set({ connectionId: ACME[0]!, tags: [" VIP  customer ", "vip customer", "EU"] });
      expect(r.tags).toEqual(["EU", "VIP customer"]);
      expect((await admin.tags.set({ connectionId: ACME[0]!, tags: ["EU"] })).tags).toEqual(["EU"]);
      const audits = await db
        .selectFrom("audit_events")
        .select(["before", "after"])
        .where("action", "=", "connection.tags")
        .where("connection_id", "=", ACME[0]!)
        .orderBy("at")
        .orderBy("id")
        .execute();
      expect(audits.map((a): unknown => JSON.parse(a.after ?? "{}"))).toEqual([
        { tags: ["VIP customer", "EU"] },
        { tags: ["EU"] },
      ]);
      await expect(admin.tags.set({ connectionId: ACME[0]!, tags: ["a,b"] })).rejects.toThrow(/commas/);
      await expect(callerAs(db, acmeViewer()).tags.set({ connectionId: ACME[0]!, tags: [] })).rejects.toThrow(
        /Read-only/,
      );
    });

    it("never reaches another tenant's connection", async () => {
      const { db } = get();
      await expect(callerAs(db, acmeAdmin()).tags.set({ connectionId: GLOBEX[0]!, tags: ["x"] })).rejects.toThrow(
        /not found/,
      );
      await expect(callerAs(db, acmeAdmin()).tags.forConnection({ connectionId: GLOBEX[0]! })).rejects.toThrow(
        /not found/,
      );
      await callerAs(db, globexAdmin()).tags.set({ connectionId: GLOBEX[0]!, tags: ["Globex only"] });
      const acmeTags = await callerAs(db, acmeAdmin()).tags.list();
      expect(acmeTags.map((t) => t.tag)).not.toContain("Globex only");
      const all = await callerAs(db, staff()).tags.list();
      expect(all.map((t) => t.tag)).toContain("Globex only");
    });

    it("adds and removes in bulk by filter, and the list filters and shows by tag", async () => {
      const { db } = get();
      const admin = callerAs(db, acmeAdmin());
      let cursor: string | null = null;
      let changed = 0;
      for (;;) {
        const r = await admin.tags.bulk({
          action: "add",
          tags: ["Q4 review"],
          target: { kind: "filter", filters: { provider: ["xero"] } },
          cursor,
          batchSize: 2,
        });
        changed += r.changed;
        cursor = r.nextCursor;
        if (r.done) break;
      }
      expect(changed).toBe(3);
      const tagged = await admin.connections.list({ tag: ["q4 REVIEW"] });
      expect(tagged.rows.map((r) => r.id).sort()).toEqual(ACME);
      expect(await callerAs(db, globexAdmin()).connections.list({ tag: ["Q4 review"] })).toMatchObject({ rows: [] });
      const facets = await admin.connections.facets({ tag: ["Q4 review"] });
      expect(facets.total).toBe(3);
      const removed = await admin.tags.bulk({
        action: "remove",
        tags: ["q4 review"],
        target: { kind: "ids", ids: [ACME[1]!, GLOBEX[0]!] },
      });
      expect(removed).toMatchObject({ total: 2, processed: 1, changed: 1, done: true });
      expect((await admin.connections.list({ tag: ["Q4 review"] })).rows.map((r) => r.id).sort()).toEqual([
        ACME[0],
        ACME[2],
      ]);
      // The list's rows carry their tags, and so does the export (CSV: one cell, "; " between).
      const rows = (await admin.connections.list({ tag: ["Q4 review"] })).rows;
      expect(rows.find((r) => r.id === ACME[0])?.tags).toEqual(["EU", "Q4 review"]);
      const csv = await handleConnectionsExport(
        scopeAs(db, acmeAdmin()),
        new URL("http://x/api/export/connections?format=csv&tag=Q4%20review&sort=name&dir=asc"),
      ).text();
      const [header, ...lines] = csv.trim().split("\r\n");
      expect(header?.split(",").at(-1)).toBe("tags");
      expect(lines).toHaveLength(2);
      expect(lines.some((l) => l.endsWith(",EU; Q4 review"))).toBe(true);
    });
  },
  async ({ db }) => {
    await seedBase(db, NOW);
    for (const id of ACME)
      await insertRichConnection(db, { id, tenantId: "ten_acme", runs: 0, errors: 0, audits: 0, now: NOW });
    for (const id of GLOBEX)
      await insertRichConnection(db, { id, tenantId: "ten_globex", runs: 0, errors: 0, audits: 0, now: NOW });
  },
);
