import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Migrator } from "kysely";
import pg from "pg";
import { expect, it } from "vitest";
import { createDb, type DB, type DbKind } from "../../db";
import { migrations } from "../../db/migrations";
import { seedBase } from "../demo-data/seed-demo";
import { handleIngestRequest } from "../ingest/http-ingest";
import { acmeAdmin, callerAs, staff } from "../test/callers";
import { describeEachDb, testKinds } from "../test/databases";
import { authenticateApiKey } from "./authenticate-api-key";
import { generateApiKey } from "./api-key-token";

const ingest = (key: string) =>
  new Request("http://localhost/api/ingest/connections?format=codat", {
    method: "POST",
    body: "[]",
    headers: { "content-type": "application/json", authorization: `Bearer ${key}` },
  });

describeEachDb(
  "API key scopes",
  (get) => {
    it("a key made without scopes is an ingest key; named scopes are kept deduplicated in canonical order", async () => {
      const support = callerAs(get().db, staff());
      const plain = await support.apiKeys.create({ name: "plain", platform: "codat", tenantId: null });
      expect(plain.apiKey.scopes).toEqual(["ingest"]);
      const reader = await support.apiKeys.create({
        name: "reader",
        platform: "generic",
        tenantId: "ten_acme",
        scopes: ["credentials:read", "connections:read", "connections:read"],
      });
      expect(reader.apiKey.scopes).toEqual(["connections:read", "credentials:read"]);
      expect(await authenticateApiKey(get().db, `Bearer ${reader.key}`)).toMatchObject({
        ok: true,
        key: { tenantId: "ten_acme", scopes: ["connections:read", "credentials:read"] },
      });
      await expect(
        support.apiKeys.create({ name: "none", platform: "codat", tenantId: null, scopes: [] }),
      ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(/at least one scope/) });
      await expect(
        // @ts-expect-error: not a scope
        support.apiKeys.create({ name: "bad", platform: "codat", tenantId: null, scopes: ["admin"] }),
      ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    });

    it("ingest needs the ingest scope: 403 naming what the key has; adding the scope takes effect at once", async () => {
      const { db } = get();
      const support = callerAs(db, staff());
      const { key, apiKey } = await support.apiKeys.create({
        name: "rest only",
        platform: "codat",
        tenantId: null,
        scopes: ["connections:read"],
      });
      const refused = await handleIngestRequest(db, ingest(key), "connections");
      expect(refused.status).toBe(403);
      expect(await refused.json()).toEqual({
        error: "This API key lacks the scope ingest (it has: connections:read). Support can add it under API keys.",
      });
      const updated = await support.apiKeys.setScopes({ id: apiKey.id, scopes: ["connections:read", "ingest"] });
      expect(updated.scopes).toEqual(["ingest", "connections:read"]);
      // Past the scope check: an empty batch is the body's problem, not the key's.
      expect((await handleIngestRequest(db, ingest(key), "connections")).status).toBe(400);
      const audit = await db
        .selectFrom("audit_events")
        .select(["before", "after"])
        .where("action", "=", "api_key.scopes")
        .execute();
      expect(audit).toHaveLength(1);
      expect(JSON.parse(audit[0]?.after ?? "null")).toEqual({ scopes: ["ingest", "connections:read"] });
    });

    it("only support staff set scopes; a revoked key's scopes cannot change", async () => {
      const { db } = get();
      const support = callerAs(db, staff());
      const { apiKey } = await support.apiKeys.create({ name: "short", platform: "codat", tenantId: null });
      await expect(
        callerAs(db, acmeAdmin()).apiKeys.setScopes({ id: apiKey.id, scopes: ["connections:read"] }),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
      await support.apiKeys.revoke({ id: apiKey.id });
      await expect(support.apiKeys.setScopes({ id: apiKey.id, scopes: ["connections:read"] })).rejects.toMatchObject({
        code: "CONFLICT",
      });
      await expect(support.apiKeys.setScopes({ id: "key_nope", scopes: ["ingest"] })).rejects.toMatchObject({
        code: "NOT_FOUND",
      });
    });
  },
  async (t) => {
    await seedBase(t.db, Date.parse("2026-11-01T12:00:00Z"));
  },
);

/** A database migrated up to (not past) `last`, torn down afterwards. */
async function databaseAt(
  kind: DbKind,
  last: string,
): Promise<{ db: DB; migrator: Migrator; drop: () => Promise<void> }> {
  const url = process.env.TEST_DATABASE_URL ?? "";
  const schema = `test_scopes_${randomBytes(4).toString("hex")}`;
  const dir = mkdtempSync(path.join(tmpdir(), "scopes-"));
  if (kind === "postgres") {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE SCHEMA "${schema}"`);
    await admin.end();
  }
  const db =
    kind === "postgres"
      ? createDb({ kind, url, schema, poolSize: 2 })
      : createDb({ kind, url: path.join(dir, "t.db") });
  const migrator = new Migrator({
    db,
    provider: { getMigrations: () => Promise.resolve(migrations) },
    allowUnorderedMigrations: true,
    migrationTableSchema: kind === "postgres" ? schema : undefined,
  });
  const upTo = new Migrator({
    db,
    provider: {
      getMigrations: () => Promise.resolve(Object.fromEntries(Object.entries(migrations).filter(([n]) => n <= last))),
    },
    migrationTableSchema: kind === "postgres" ? schema : undefined,
  });
  const { error } = await upTo.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error("migration failed");
  return {
    db,
    migrator,
    drop: async () => {
      await db.destroy();
      rmSync(dir, { recursive: true, force: true });
      if (kind !== "postgres") return;
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`DROP SCHEMA "${schema}" CASCADE`);
      await admin.end();
    },
  };
}

for (const kind of testKinds) {
  it(`keys made before scopes existed become ingest keys [${kind}]`, async () => {
    const t = await databaseAt(kind, "2026-11-21-0003-relink");
    try {
      const { key, prefix, hash } = generateApiKey();
      await t.db
        .insertInto("api_keys")
        .values({
          id: "key_old",
          name: "old",
          prefix,
          key_hash: hash,
          platform: "codat",
          tenant_id: null,
          created_by: "usr",
          created_at: "2026-11-21T00:00:00.000Z",
          revoked_at: null,
          last_used_at: null,
        })
        .execute();
      const { error } = await t.migrator.migrateToLatest();
      if (error) throw error instanceof Error ? error : new Error("migration failed");
      expect(await authenticateApiKey(t.db, `Bearer ${key}`)).toMatchObject({ ok: true, key: { scopes: ["ingest"] } });
    } finally {
      await t.drop();
    }
  }, 60_000);
}
