import { describe, expect, it } from "vitest";
import { fixtureNames, loadFixture } from "./fixtures/load-fixture";
import { filledPaths, restoreKeys, traceOf } from "./fixtures/restore-keys";
import type { AdapterResult, MappedConnection } from "./types";
import { exportUnifiedConnection, mapUnifiedConnection, UNIFIED_PAUSE_REASON } from "./unified";

const ctx = { tenantTimeZone: "UTC", now: "2026-01-02T03:04:05.000Z" };

function mapped(result: AdapterResult): MappedConnection {
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value;
}

function record(path: string): Record<string, unknown> {
  return loadFixture(path) as Record<string, unknown>;
}

describe("Unified vendor examples (SDK create-request bodies)", () => {
  const names = fixtureNames("vendor", "unified-connection-example-");
  it("finds all four examples", () => expect(names).toHaveLength(4));

  for (const name of names) {
    const source = record(`vendor/${name}`);
    it(`${name} is rejected for its missing id, and nothing else`, () => {
      const result = mapUnifiedConnection(source, ctx);
      expect(result.ok).toBe(false);
      if (!result.ok)
        expect(result.issues).toEqual([{ path: "$.id", reason: expect.stringContaining("upserts by platform + id") }]);
    });
    it(`${name} maps and round-trips once Unified has assigned an id`, () => {
      const withId = { id: "conn_1", ...source };
      const value = mapped(mapUnifiedConnection(withId, ctx));
      expect(value).toMatchObject({
        platform: "unified",
        platform_id: "conn_1",
        provider: source.integration_type,
        name: source.integration_type,
        status: "active",
        upstream_status: null,
        environment: "Production",
        platform_paused: 0,
        created_at: ctx.now,
        categories: JSON.stringify(source.categories),
        permissions: JSON.stringify(source.permissions),
        credentials: source.auth ?? null,
      });
      expect(exportUnifiedConnection(value)).toStrictEqual(withId);
      // Defaults we filled in (import time, "Production") are dropped again on export.
      expect(restoreKeys(value)).toEqual(["environment"]);
      expect(filledPaths(value)).toEqual(["$.created_at", "$.updated_at"]);
    });
  }

  it("keeps the 2024 cursors_cache as an unmapped field", () => {
    const value = mapped(mapUnifiedConnection({ id: "c", ...record("vendor/unified-connection-example-3.json") }, ctx));
    expect(traceOf(value).fields).toEqual({ cursors_cache: [{ key: "<value>" }] });
  });
});

describe("Unified complete record (constructed from the field list)", () => {
  const source = record("constructed/unified-connection-full.json");

  it("maps every modelled field", () => {
    const value = mapped(mapUnifiedConnection(source, ctx));
    expect(value).toMatchObject({
      platform_id: "6482f8c1a2b3c4d5e6f70819",
      workspace_id: "64f0a1b2c3d4e5f6a7b8c9d0",
      name: "Salesforce",
      provider: "salesforce",
      integration_name: "Salesforce",
      external_xref: "customer-4711",
      categories: '["crm","enrich"]',
      permissions: '["crm_contact_read","crm_contact_write","crm_deal_read"]',
      status: "active",
      platform_paused: 1,
      platform_paused_reason: UNIFIED_PAUSE_REASON,
      environment: "Sandbox",
      auth_type: "oauth2",
      auth_expires_at: "2025-06-01T13:00:00.000Z",
      auth_aws_arn: "arn:aws:secretsmanager:eu-west-1:123456789012:secret:unified/conn-6482",
      created_at: "2025-03-04T09:15:00.123Z",
      updated_at: "2025-06-01T10:00:00.000Z",
      credentials: source.auth,
    });
    expect(exportUnifiedConnection(value)).toStrictEqual(source);
    expect(restoreKeys(value)).toEqual([]);
  });

  it("never copies tokens outside credentials", () => {
    const value = mapped(mapUnifiedConnection(source, ctx));
    const { credentials: _credentials, ...rest } = value;
    const text = JSON.stringify(rest);
    expect(text).not.toContain("00Dxx0000001gPL!AR8");
    expect(text).not.toContain("5Aep861TSESvWeug");
    // Even when the credentials change, the export carries the new ones, not a stored copy.
    const rotated = { ...value, credentials: { access_token: "new" } };
    expect(exportUnifiedConnection(rotated).auth).toEqual({ access_token: "new" });
  });

  it("keeps a false is_paused and an explicit Production", () => {
    const { is_paused: _p, environment: _e, ...base } = source;
    const explicit = { ...base, is_paused: false, environment: "Production" };
    const value = mapped(mapUnifiedConnection(explicit, ctx));
    expect(value.platform_paused).toBe(0);
    expect(exportUnifiedConnection(value)).toStrictEqual(explicit);
  });
});

describe("Unified malformed records", () => {
  const issuesOf = (raw: unknown) => {
    const result = mapUnifiedConnection(raw, ctx);
    return result.ok ? [] : result.issues;
  };

  it("lists every problem with its path", () => {
    const issues = issuesOf({
      id: 7,
      categories: ["crm", ""],
      permissions: "crm_contact_read",
      created_at: "2025-03-04T09:15:00",
      is_paused: "yes",
      auth: "token",
    });
    expect(issues.map((i) => i.path)).toEqual([
      "$.id",
      "$.integration_type",
      "$.categories[1]",
      "$.permissions",
      "$.created_at",
      "$.auth",
      "$.is_paused",
    ]);
    expect(issues.find((i) => i.path === "$.created_at")?.reason).toContain("no time zone");
  });

  it("does not echo secrets in issues", () => {
    const issues = issuesOf({
      id: "x",
      integration_type: "hubspot",
      categories: [],
      permissions: [],
      auth: { access_token: "sekrit" },
      is_paused: 1,
    });
    expect(issues.map((i) => i.path)).toEqual(["$.is_paused"]);
    expect(JSON.stringify(issues)).not.toContain("sekrit");
    const bare = issuesOf({
      id: "x",
      integration_type: "hubspot",
      categories: [],
      permissions: [],
      auth: "sekrit-bearer",
    });
    expect(bare).toEqual([{ path: "$.auth", reason: expect.stringContaining("expected an object") }]);
    expect(JSON.stringify(bare)).not.toContain("sekrit");
  });
});
