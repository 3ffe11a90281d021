import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { seedBase } from "../demo-data/seed-demo";
import { ADAPTERS, type AdapterFormat } from "../adapters";
import { loadFixture } from "../adapters/fixtures/load-fixture";
import { describeEachDb } from "../test/databases";
import { loadMappedConnection } from "./load-mapped-connection";
import { countRows, ingestText, tenantRow } from "./test-support";

const GOOD: [AdapterFormat, string][] = [
  ["codat", "vendor/codat-connection-example-3.json"],
  ["codat", "vendor/codat-connection-example-6.json"],
  ["codat", "vendor/codat-connection-example-7.json"],
  ["codat", "vendor/codat-connection-example-8.json"],
  ["codat", "vendor/codat-connection-example-9.json"],
  ["codat", "vendor/codat-connection-example-11.json"],
  ["unified", "constructed/unified-connection-full.json"],
  ["dto", "constructed/workiva-connection-full.json"],
  ["dto", "constructed/workiva-connection-failed.json"],
  ["schema", "vendor/schema-connection-example-1.json"],
];

describeEachDb(
  "ingest: connections",
  (get) => {
    it("imports every format's good fixtures, and the same input again changes nothing", async () => {
      const { db } = get();
      const acme = await tenantRow(db, "acme");
      for (const [format, file] of GOOD) {
        const text = JSON.stringify(loadFixture(file));
        const first = await ingestText(db, format, text, { tenant: acme });
        expect(first.counts, file).toEqual({ accepted: 1, updated: 0, unchanged: 0, rejected: 0 });
        const before = await countRows(db);
        const again = await ingestText(db, format, text, { tenant: acme });
        expect(again.counts, file).toEqual({ accepted: 0, updated: 0, unchanged: 1, rejected: 0 });
        expect(again.results[0]?.id).toBe(first.results[0]?.id);
        expect(await countRows(db), file).toEqual(before);
      }
      const versions = await db.selectFrom("connections").select(["version", "tenant_id"]).execute();
      expect(versions.every((v) => v.version === 1 && v.tenant_id === "ten_acme")).toBe(true);
    });

    it("round-trips through the database: export of the stored row gives back the record", async () => {
      const { db } = get();
      const acme = await tenantRow(db, "acme");
      const withTenant = {
        ...(loadFixture("vendor/schema-connection-example-1.json") as object),
        tenant_id: "ten_acme",
      };
      const cases: [AdapterFormat, unknown][] = [
        ...GOOD.filter(([f]) => f !== "schema").map(([format, file]): [AdapterFormat, unknown] => [
          format,
          loadFixture(file),
        ]),
        ["schema", withTenant],
        // The vendor's own tenant reference (not a console tenant id or slug), and a slug.
        ["schema", { ...(loadFixture("vendor/schema-connection-example-1.json") as object), id: "conn_vendor_tenant" }],
        [
          "schema",
          {
            ...(loadFixture("vendor/schema-connection-example-1.json") as object),
            id: "conn_slug_tenant",
            tenant_id: "acme",
          },
        ],
      ];
      for (const [format, record] of cases) {
        const { results } = await ingestText(db, format, JSON.stringify(record), { tenant: acme });
        const id = results[0]?.id;
        expect(id).toBeDefined();
        const mapped = await loadMappedConnection(db, id ?? "");
        expect(mapped && ADAPTERS[format].export(mapped)).toStrictEqual(record);
      }
    });

    it("bumps the version only on a real change, and stores credentials encrypted", async () => {
      const { db } = get();
      const acme = await tenantRow(db, "acme");
      const record = loadFixture("constructed/unified-connection-full.json") as Record<string, unknown>;
      const changed = { ...record, id: "unified-change-1" };
      await ingestText(db, "unified", JSON.stringify(changed), { tenant: acme });
      const edited = await ingestText(db, "unified", JSON.stringify({ ...changed, environment: "Production" }), {
        tenant: acme,
      });
      expect(edited.counts.updated).toBe(1);
      const row = await db
        .selectFrom("connections")
        .selectAll()
        .where("platform_id", "=", "unified-change-1")
        .executeTakeFirstOrThrow();
      expect(row.version).toBe(2);
      expect(row.environment).toBe("Production");
      expect(JSON.stringify(row)).not.toContain("5Aep861TSESvWeug");
      expect(row.credentials_encrypted).toMatch(/^v1\./);
      const audit = await db
        .selectFrom("audit_events")
        .selectAll()
        .where("action", "=", "ingest.connections")
        .where("actor_id", "=", "cli")
        .execute();
      expect(audit.length).toBeGreaterThan(0);
      expect(audit.map((a) => `${a.before ?? ""}${a.after ?? ""}${a.note ?? ""}`).join("")).not.toContain(
        "5Aep861TSESvWeug",
      );
    });

    it("rejects malformed records with their path and reason while the good ones land", async () => {
      const { db } = get();
      const acme = await tenantRow(db, "acme");
      const good = { ...(loadFixture("vendor/codat-connection-example-6.json") as object), id: "codat-mixed-good" };
      const badStatus = loadFixture("vendor/codat-connection-example-10.json");
      const polluted = JSON.parse('{"id":"x","__proto__":{"admin":true}}') as unknown;
      let deep: unknown = {};
      for (let i = 0; i < 40; i++) deep = { a: deep };
      const huge = { ...good, id: "codat-huge", platformName: "x".repeat(70_000) };
      const text = [good, badStatus, polluted, deep, huge].map((r) => JSON.stringify(r)).join("\n") + "\n{not json}\n";
      const report = await ingestText(db, "codat", text, { tenant: acme });
      expect(report.counts).toEqual({ accepted: 1, updated: 0, unchanged: 0, rejected: 5 });
      const byIndex = new Map(report.results.map((r) => [r.index, r]));
      expect(byIndex.get(0)?.status).toBe("accepted");
      expect(byIndex.get(1)?.issues?.map((i) => i.path)).toEqual(
        expect.arrayContaining(["$[1].status", "$[1].linkUrl"]),
      );
      expect(byIndex.get(2)?.issues).toEqual([{ path: "$[2].__proto__", reason: 'key "__proto__" is not allowed' }]);
      expect(byIndex.get(3)?.issues?.[0]?.reason).toMatch(/nested deeper than 32/);
      expect(byIndex.get(4)?.issues?.[0]).toMatchObject({
        path: "$[4].platformName",
        reason: expect.stringMatching(/longer than/),
      });
      expect(byIndex.get(5)?.issues?.[0]?.reason).toMatch(/invalid JSON \(line 6\)/);
      expect(({} as Record<string, unknown>).admin).toBeUndefined();
    });

    it("a failure inside batch N rolls back only that batch; running again completes without duplicates", async () => {
      const { db } = get();
      const acme = await tenantRow(db, "acme");
      const base = loadFixture("constructed/unified-connection-full.json") as Record<string, unknown>;
      const text = Array.from({ length: 35 }, (_, i) => JSON.stringify({ ...base, id: `crash-${i}` })).join("\n");
      const crash = ingestText(db, "unified", text, {
        tenant: acme,
        batchSize: 10,
        hooks: {
          beforeCommit: (n) => {
            if (n === 2) throw new Error("simulated crash in batch 2");
          },
        },
      });
      await expect(crash).rejects.toThrow("simulated crash");
      const landed = await db
        .selectFrom("connections")
        .select("platform_id")
        .where("platform_id", "like", "crash-%")
        .execute();
      expect(landed).toHaveLength(20);
      const audits = await db
        .selectFrom("audit_events")
        .select("id")
        .where("action", "=", "ingest.connections")
        .execute();
      const rerun = await ingestText(db, "unified", text, { tenant: acme, batchSize: 10 });
      expect(rerun.counts).toEqual({ accepted: 15, updated: 0, unchanged: 20, rejected: 0 });
      const all = await db
        .selectFrom("connections")
        .select("platform_id")
        .where("platform_id", "like", "crash-%")
        .execute();
      expect(new Set(all.map((r) => r.platform_id)).size).toBe(35);
      expect(all).toHaveLength(35);
      // batches 2 and 3 wrote one audit event each on the rerun; the unchanged ones none
      const after = await db
        .selectFrom("audit_events")
        .select("id")
        .where("action", "=", "ingest.connections")
        .execute();
      expect(after.length - audits.length).toBe(2);
    });

    it("resolves tenants: scope, record tenant_id, unknown tenant, no tenant", async () => {
      const { db } = get();
      const globex = await tenantRow(db, "globex");
      const schema = loadFixture("vendor/schema-connection-example-1.json") as Record<string, unknown>;
      const records = [
        { ...schema, id: "schema-t1", tenant_id: "globex" },
        { ...schema, id: "schema-t2", tenant_id: "ten_initech" },
        { ...schema, id: "schema-t3", tenant_id: "nobody" },
      ];
      const free = await ingestText(db, "schema", JSON.stringify(records));
      expect(free.results.map((r) => r.status)).toEqual(["accepted", "accepted", "rejected"]);
      expect(free.results[2]?.issues).toEqual([
        { path: "$[2].tenant_id", reason: 'unknown tenant "nobody": no tenant has this id or slug' },
      ]);
      const owners = await db
        .selectFrom("connections")
        .select(["platform_id", "tenant_id"])
        .where("platform_id", "in", ["schema-t1", "schema-t2"])
        .orderBy("platform_id")
        .execute();
      expect(owners.map((o) => o.tenant_id)).toEqual(["ten_globex", "ten_initech"]);

      const scoped = await ingestText(
        db,
        "schema",
        JSON.stringify([
          { ...records[1], name: "moved?" },
          { ...schema, id: "schema-t4", tenant_id: "ten_initech" },
        ]),
        { tenant: globex, tenantIsScope: true },
      );
      expect(scoped.results.map((r) => r.status)).toEqual(["rejected", "rejected"]);
      expect(scoped.results[1]?.issues?.[0]?.reason).toMatch(/scoped to tenant "globex"/);
      const codatText = readFileSync(
        new URL("../adapters/fixtures/vendor/codat-connection-example-7.json", import.meta.url),
        "utf8",
      );
      const codat = await ingestText(db, "codat", codatText.replace(/"d5ab61b7-[^"]+"/, '"codat-no-tenant"'));
      expect(codat.results[0]?.issues?.[0]?.reason).toMatch(/^no tenant/);
      // An existing connection needs no tenant: it keeps the one that owns it.
      expect((await ingestText(db, "codat", codatText)).counts.unchanged).toBe(1);
    });
  },
  async ({ db }) => {
    await seedBase(db, Date.parse("2026-11-01T12:00:00Z"));
  },
);
