import { describe, expect, it } from "vitest";
import { loadFixture } from "./fixtures/load-fixture";
import { exportSchemaConnection, mapSchemaConnection } from "./schema";
import { filledPaths, restoreKeys, traceOf } from "./fixtures/restore-keys";
import type { AdapterResult, MappedConnection } from "./types";

const ctx = { tenantTimeZone: "UTC", now: "2026-01-02T03:04:05.000Z" };
const example = loadFixture("vendor/schema-connection-example-1.json") as Record<string, unknown>;

function mapped(result: AdapterResult): MappedConnection {
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value;
}

function issuesOf(raw: unknown) {
  const result = mapSchemaConnection(raw, ctx);
  return result.ok ? [] : result.issues;
}

describe("JSON-schema Connection example", () => {
  it("maps field by field", () => {
    const value = mapped(mapSchemaConnection(example, ctx));
    expect(value).toMatchObject({
      platform: "generic",
      platform_id: "conn_01HZ7Q9JR2K7N8B6S4D2P5W3X9",
      name: "Acme Corp Salesforce (Production)",
      provider: "salesforce",
      categories: '["crm"]',
      tenantRef: "tenant_acme_corp",
      auth_type: "oauth2",
      auth_scopes: '["api","refresh_token","offline_access"]',
      auth_expires_at: "2026-05-19T18:30:00.000Z",
      credentials: null,
      status: "active",
      upstream_status: "active",
      created_at: "2026-05-12T14:22:01.000Z",
      last_sync_at: "2026-05-19T09:14:55.000Z",
      metadata: JSON.stringify(example.metadata),
    });
    // The owning platform (paragon) has no column; it is kept, not dropped.
    expect(traceOf(value).fields).toEqual({ platform: "paragon" });
  });

  it("round-trips", () => {
    const value = mapped(mapSchemaConnection(example, ctx));
    expect(exportSchemaConnection(value)).toStrictEqual(example);
    expect(restoreKeys(value)).toEqual([]);
  });

  it("round-trips a minimal record (only the required fields)", () => {
    const minimal = {
      id: "c1",
      provider: "hubspot",
      tenant_id: "t1",
      authentication: { type: "apikey" },
      status: "expired",
    };
    const value = mapped(mapSchemaConnection(minimal, ctx));
    expect(value).toMatchObject({
      name: "hubspot",
      categories: "[]",
      status: "expired",
      created_at: ctx.now,
      auth_scopes: null,
    });
    expect(exportSchemaConnection(value)).toStrictEqual(minimal);
    expect(restoreKeys(value)).toEqual(["name"]);
    expect(filledPaths(value)).toEqual(["$.created_at"]);
  });

  it("treats extra authentication keys as credentials and never stores them elsewhere", () => {
    const withToken = { ...example, authentication: { type: "bearer", token: "sekrit-token" } };
    const value = mapped(mapSchemaConnection(withToken, ctx));
    expect(value.credentials).toEqual({ token: "sekrit-token" });
    const { credentials: _c, ...rest } = value;
    expect(JSON.stringify(rest)).not.toContain("sekrit-token");
    expect(exportSchemaConnection(value)).toStrictEqual(withToken);
    expect(restoreKeys(value)).toEqual([]);
  });

  it("exports a changed status in the schema's words", () => {
    const value = mapped(mapSchemaConnection(example, ctx));
    expect(exportSchemaConnection({ ...value, status: "deauthorized" }).status).toBe("disconnected");
    expect(exportSchemaConnection({ ...value, status: "error" }).status).toBe("error");
  });
});

describe("JSON-schema validation (ajv, draft 2020-12, against the schema file)", () => {
  it("reports missing required fields with their paths", () => {
    const { tenant_id: _t, authentication: _a, ...rest } = example;
    expect(issuesOf(rest)).toEqual([
      { path: "$.tenant_id", reason: "must have required property 'tenant_id'" },
      { path: "$.authentication", reason: "must have required property 'authentication'" },
    ]);
  });

  it("reports enum, format and type errors at the right place", () => {
    const issues = issuesOf({
      ...example,
      status: "deauthorized",
      category: "crm",
      created_at: "2026-05-12",
      authentication: { type: "saml", scopes: ["api", 3], expires_at: "soon" },
    });
    expect(issues.map((i) => i.path).sort()).toEqual(
      [
        "$.authentication.type",
        "$.authentication.scopes[1]",
        "$.authentication.expires_at",
        "$.category",
        "$.status",
        "$.created_at",
      ].sort(),
    );
    expect(issues.find((i) => i.path === "$.status")?.reason).toContain(
      "active, disconnected, expired, error, pending",
    );
    expect(issues.find((i) => i.path === "$.created_at")?.reason).toContain("date-time");
  });

  it("requires a zone in date-times, as RFC 3339 does", () => {
    expect(issuesOf({ ...example, last_synced_at: "2026-05-19T09:14:55" }).map((i) => i.path)).toEqual([
      "$.last_synced_at",
    ]);
  });

  it("runs the safety gate before the schema", () => {
    expect(issuesOf(JSON.parse('{"metadata": {"constructor": {"prototype": 1}}}'))).toEqual([
      { path: "$.metadata.constructor", reason: 'key "constructor" is not allowed' },
    ]);
  });
});
