import { expect, it } from "vitest";
import { POST } from "@/app/api/ingest/[kind]/route";
import { seedBase } from "../demo-data/seed-demo";
import { loadFixture } from "../adapters/fixtures/load-fixture";
import { acmeAdmin, callerAs, staff } from "../test/callers";
import { describeEachDb } from "../test/databases";
import { handleIngestRequest } from "./http-ingest";

const codat = (id: string) => ({ ...(loadFixture("vendor/codat-connection-example-6.json") as object), id });

function post(kind: string, query: string, body: string, headers: Record<string, string> = {}) {
  return new Request(`http://localhost/api/ingest/${kind}?${query}`, {
    method: "POST",
    body,
    headers: { "content-type": "application/json", ...headers },
  });
}

async function call(kind: string, request: Request) {
  const response = await POST(request, { params: Promise.resolve({ kind }) });
  return {
    status: response.status,
    body: (await response.json()) as {
      error?: string;
      counts?: Record<string, number>;
      results?: { status: string; issues?: { path: string }[] }[];
    },
  };
}

describeEachDb(
  "ingest HTTP API",
  (get) => {
    let codatKey = "";
    let acmeCodatKey = "";
    const auth = (key: string) => ({ authorization: `Bearer ${key}` });

    it("support creates keys (shown once, stored hashed); tenant admins may not", async () => {
      const { db } = get();
      globalThis.consoleDb = db;
      const support = callerAs(db, staff());
      const created = await support.apiKeys.create({ name: "Codat prod", platform: "codat", tenantId: null });
      codatKey = created.key;
      expect(codatKey).toMatch(/^cck_[A-Za-z0-9_-]{40,}$/);
      expect(created.apiKey.prefix).toBe(codatKey.slice(0, 12));
      acmeCodatKey = (await support.apiKeys.create({ name: "Codat acme", platform: "codat", tenantId: "ten_acme" }))
        .key;
      const stored = await db.selectFrom("api_keys").selectAll().execute();
      expect(JSON.stringify(stored)).not.toContain(codatKey.slice(12));
      const listed = await support.apiKeys.list();
      expect(JSON.stringify(listed)).not.toContain(codatKey.slice(12));
      expect(listed.map((k) => k.tenantName).sort()).toEqual(["Acme Corporation", null].sort());
      await expect(callerAs(db, acmeAdmin()).apiKeys.list()).rejects.toMatchObject({ code: "FORBIDDEN" });
    });

    it("answers 401 / 400 / 403 / 404 / 415 with clear messages", async () => {
      const body = JSON.stringify([codat("http-1")]);
      expect(await call("connections", post("connections", "format=codat", body))).toMatchObject({
        status: 401,
        body: { error: expect.stringMatching(/Authorization: Bearer/) },
      });
      expect((await call("connections", post("connections", "format=codat", body, auth("cck_nope")))).status).toBe(401);
      expect(await call("connections", post("connections", "format=xml", body, auth(codatKey)))).toMatchObject({
        status: 400,
        body: { error: expect.stringMatching(/format must be one of/) },
      });
      expect(await call("connections", post("connections", "format=unified", body, auth(codatKey)))).toMatchObject({
        status: 403,
        body: { error: expect.stringMatching(/codat data only/) },
      });
      expect(
        (await call("connections", post("connections", "format=codat&tenant=globex", body, auth(acmeCodatKey)))).status,
      ).toBe(403);
      expect(
        (await call("connections", post("connections", "format=codat&tenant=nobody", body, auth(codatKey)))).status,
      ).toBe(400);
      expect((await call("widgets", post("widgets", "format=codat", body, auth(codatKey)))).status).toBe(404);
      expect(
        (
          await call(
            "connections",
            post("connections", "format=codat", body, { ...auth(codatKey), "content-type": "text/csv" }),
          )
        ).status,
      ).toBe(415);
    });

    it("answers 400 for a malformed or empty body and 413 over the size limit", async () => {
      const { db } = get();
      const broken = await call(
        "connections",
        post("connections", "format=codat&tenant=acme", '[{"id":"a"}, {"id":', auth(codatKey)),
      );
      expect(broken).toMatchObject({
        status: 400,
        body: { error: expect.stringMatching(/^Malformed body: input ends inside the JSON array/) },
      });
      expect(
        (await call("connections", post("connections", "format=codat&tenant=acme", "  ", auth(codatKey)))).status,
      ).toBe(400);
      const big = JSON.stringify([codat("http-big")]);
      const declared = await handleIngestRequest(
        db,
        post("connections", "format=codat&tenant=acme", big, auth(codatKey)),
        "connections",
        100,
      );
      expect(declared.status).toBe(413);
      expect(((await declared.json()) as { error: string }).error).toMatch(/Body too large: the limit is 100 bytes/);
      const streamed = new Request("http://localhost/api/ingest/connections?format=codat&tenant=acme", {
        method: "POST",
        body: new Blob([big]).stream(),
        headers: { ...auth(codatKey), "content-type": "application/json" },
        duplex: "half",
      } as RequestInit);
      expect((await handleIngestRequest(db, streamed, "connections", 100)).status).toBe(413);
      expect(
        (await db.selectFrom("connections").select("id").where("platform_id", "=", "http-big").execute()).length,
      ).toBe(0);
    });

    it("200: good records land, bad ones are listed with path and reason (JSON and NDJSON)", async () => {
      const { db } = get();
      const json = await call(
        "connections",
        post(
          "connections",
          "format=codat&tenant=acme",
          JSON.stringify([codat("http-ok-1"), { id: 7 }]),
          auth(codatKey),
        ),
      );
      expect(json.status).toBe(200);
      expect(json.body.counts).toEqual({ accepted: 1, updated: 0, unchanged: 0, rejected: 1 });
      expect(json.body.results?.[1]?.issues?.map((i) => i.path)).toContain("$[1].id");
      const ndjson = [codat("http-ok-1"), codat("http-ok-2")].map((r) => JSON.stringify(r)).join("\n");
      const second = await call(
        "connections",
        post("connections", "format=codat", ndjson, { ...auth(acmeCodatKey), "content-type": "application/x-ndjson" }),
      );
      expect(second.body.counts).toEqual({ accepted: 1, updated: 0, unchanged: 1, rejected: 0 });
      const audit = await db
        .selectFrom("audit_events")
        .select(["actor_id", "tenant_id"])
        .where("action", "=", "ingest.connections")
        .execute();
      expect(audit.every((a) => a.actor_id.startsWith("api-key:") && a.tenant_id === "ten_acme")).toBe(true);
    });

    it("a revoked key gets 401", async () => {
      const { db } = get();
      const support = callerAs(db, staff());
      const { key, apiKey } = await support.apiKeys.create({ name: "short-lived", platform: "codat", tenantId: null });
      await support.apiKeys.revoke({ id: apiKey.id });
      const res = await call(
        "connections",
        post("connections", "format=codat&tenant=acme", JSON.stringify([codat("x")]), auth(key)),
      );
      expect(res).toMatchObject({ status: 401, body: { error: "Invalid or revoked API key." } });
    });
  },
  async ({ db }) => {
    await seedBase(db, Date.parse("2026-11-01T12:00:00Z"));
  },
);
