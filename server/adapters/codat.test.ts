import { describe, expect, it } from "vitest";
import { exportCodatConnection, mapCodatConnection } from "./codat";
import { fixtureNames, loadFixture } from "./fixtures/load-fixture";
import { restoreKeys, traceOf } from "./fixtures/restore-keys";
import type { AdapterResult, MappedConnection } from "./types";

const ctx = { tenantTimeZone: "UTC", now: "2026-01-02T03:04:05.000Z" };

function mapped(result: AdapterResult): MappedConnection {
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value;
}

function record(name: string): Record<string, unknown> {
  return loadFixture(`vendor/${name}`) as Record<string, unknown>;
}

const INVALID: Record<string, string[]> = {
  // The 2022 placeholder example: status "string" is not in the enum, linkUrl "string" is no URL.
  "codat-connection-example-10.json": ["$.status", "$.linkUrl"],
};

describe("Codat vendor examples", () => {
  const names = fixtureNames("vendor", "codat-connection-example-");
  it("finds all eleven examples", () => expect(names).toHaveLength(11));

  for (const name of names) {
    const source = record(name);
    const expectedPaths = INVALID[name];
    if (expectedPaths) {
      it(`${name} is rejected with paths`, () => {
        const result = mapCodatConnection(source, ctx);
        expect(result.ok).toBe(false);
        if (result.ok) return;
        expect(result.issues.map((i) => i.path).sort()).toEqual([...expectedPaths].sort());
        expect(result.issues.find((i) => i.path === "$.status")?.reason).toContain(
          "PendingAuth, Linked, Unlinked, Deauthorized",
        );
      });
      continue;
    }
    it(`${name} maps and round-trips`, () => {
      const value = mapped(mapCodatConnection(source, ctx));
      expect(value.platform).toBe("codat");
      expect(value.platform_id).toBe(source.id);
      expect(value.upstream_status).toBe(source.status);
      expect(exportCodatConnection(value)).toStrictEqual(source);
      // Only an explicit empty error list cannot come from the columns (we store no errors).
      expect(restoreKeys(value)).toEqual(
        Array.isArray(source.dataConnectionErrors) && source.dataConnectionErrors.length === 0
          ? ["dataConnectionErrors"]
          : [],
      );
    });
  }

  it("maps example 1 field by field", () => {
    const value = mapped(mapCodatConnection(record("codat-connection-example-1.json"), ctx));
    expect(value).toMatchObject({
      platform_id: "ee2eb431-c0fa-4dc9-93fa-d29781c12bcd",
      name: "Basiq",
      provider: "basiq",
      integration_id: "bf083d72-62c7-493e-aec9-81b4dbba7e2c",
      integration_key: "dfxm",
      integration_name: "Basiq",
      source_id: "bdd831ce-eebd-4896-89a7-20e5ee8989ee",
      source_type: "Banking",
      categories: '["banking"]',
      status: "active",
      upstream_status: "Linked",
      last_sync_at: "2022-10-27T10:22:43.646Z",
      created_at: "2022-10-27T09:53:29.000Z",
      updated_at: ctx.now,
      link_url: expect.stringContaining("https://link-api.codat.io/"),
      tenantRef: null,
      credentials: null,
      errors: [],
      runs: [],
    });
    // The 7-digit original is kept for export, marked as read in UTC.
    expect(traceOf(value).dates?.["$.lastSync"]).toEqual({
      was: "2022-10-27T10:22:43.6464237Z",
      as: "2022-10-27T10:22:43.646Z",
      read: "utc",
    });
  });

  it("round-trips from columns, not from a stored copy", () => {
    const value = mapped(mapCodatConnection(record("codat-connection-example-5.json"), ctx));
    const trace = traceOf(value);
    expect(trace.restore).toBeUndefined();
    expect(trace.fields).toBeUndefined();
    expect(exportCodatConnection({ ...value, integration_key: "gbol" }).integrationKey).toBe("gbol");
  });

  it("maps each connection status", () => {
    const statuses = [2, 1, 4, 5].map(
      (n) => mapped(mapCodatConnection(record(`codat-connection-example-${n}.json`), ctx)).status,
    );
    expect(statuses).toEqual(["pending", "active", "disconnected", "deauthorized"]);
  });

  it("maps data connection errors, flagging auth errors", () => {
    const deauthorized = mapped(mapCodatConnection(record("codat-connection-example-5.json"), ctx));
    expect(deauthorized.errors).toEqual([
      {
        status_code: "401",
        status_text: "The integration de-authorized access to the connection.",
        message: "The integration de-authorized access to the connection.",
        errored_at: "2022-12-27T09:53:29.000Z",
        status: "active",
        upstream_status: "Active",
        is_auth_error: 1,
        resolved_at: null,
      },
    ]);
    const placeholder = record("codat-connection-example-10.json");
    const withoutStatus = mapped(
      mapCodatConnection({ ...placeholder, status: "Linked", linkUrl: "https://x.test/" }, ctx),
    );
    // No error status (null = not transient) and no resolvedOnUtc: still open; "string" is no auth error.
    expect(withoutStatus.errors[0]).toMatchObject({ status: "active", upstream_status: null, is_auth_error: 0 });
  });

  it("resolves an error with null status but a resolvedOnUtc (Codat's DataConnectionError example)", () => {
    const error = record("codat-dataconnectionerror-example-1.json");
    const source = { ...record("codat-connection-example-1.json"), dataConnectionErrors: [error] };
    const value = mapped(mapCodatConnection(source, ctx));
    expect(value.errors[0]).toMatchObject({
      status: "resolved",
      resolved_at: "2022-10-23T00:00:00.000Z",
      status_code: null,
    });
    expect(exportCodatConnection(value)).toStrictEqual(source);
  });

  it("maps the connection inside list responses and the connection.failed webhook", () => {
    const list = record("codat-connections-list-example-1.json").results as unknown[];
    expect(mapCodatConnection(list[0], ctx).ok).toBe(true);
    const oldList = record("codat-connections-list-example-2.json").results as unknown[];
    const rejected = mapCodatConnection(oldList[0], ctx);
    expect(rejected.ok).toBe(false);
    const webhook = record("codat-webhook-connection-failed-example-1.json");
    const connection = (webhook.payload as Record<string, unknown>).connection;
    const value = mapped(mapCodatConnection(connection, ctx));
    expect(value.errors).toHaveLength(1);
    expect(value.errors[0]).toMatchObject({ status_code: "403", is_auth_error: 1, status: "active" });
    expect(exportCodatConnection(value)).toStrictEqual(connection);
  });
});

describe("Codat dates in the tenant's zone", () => {
  const source = {
    ...record("codat-connection-example-1.json"),
    lastSync: "2021-11-15T01:00:00",
    created: "2022-10-23",
    dataConnectionErrors: [{ statusCode: "500", erroredOnUtc: "2021-11-15T01:00:00-05:00", status: null }],
  };
  const nyc = { ...ctx, tenantTimeZone: "America/New_York" };

  it("reads local times and bare dates in the zone, records them, and exports the original strings", () => {
    const value = mapped(mapCodatConnection(source, nyc));
    expect(value.last_sync_at).toBe("2021-11-15T06:00:00.000Z");
    expect(value.created_at).toBe("2022-10-23T04:00:00.000Z");
    expect(value.errors[0]?.errored_at).toBe("2021-11-15T06:00:00.000Z");
    const dates = traceOf(value).dates ?? {};
    expect(dates["$.lastSync"]).toEqual({
      was: "2021-11-15T01:00:00",
      as: "2021-11-15T06:00:00.000Z",
      read: "local",
      zone: "America/New_York",
    });
    expect(dates["$.created"]).toMatchObject({ read: "date", zone: "America/New_York" });
    expect(dates["$.dataConnectionErrors[0].erroredOnUtc"]).toMatchObject({ read: "offset" });
    expect(exportCodatConnection(value)).toStrictEqual(source);
    // `status: null` is the one thing the error columns cannot say on their own.
    expect(restoreKeys(value)).toEqual(["dataConnectionErrors"]);
  });

  it("defaults an empty zone to UTC", () => {
    expect(mapped(mapCodatConnection(source, { ...ctx, tenantTimeZone: "" })).last_sync_at).toBe(
      "2021-11-15T01:00:00.000Z",
    );
  });

  it("exports a changed value in UTC instead of the stale original", () => {
    const value = mapped(mapCodatConnection(source, nyc));
    const exported = exportCodatConnection({ ...value, last_sync_at: "2026-01-01T00:00:00.000Z" });
    expect(exported.lastSync).toBe("2026-01-01T00:00:00.000Z");
    expect(exported.created).toBe("2022-10-23");
  });
});

describe("Codat PascalCase (Go models, seed 004)", () => {
  const camel = record("codat-connection-example-5.json");
  const pascal = {
    ID: camel.id,
    IntegrationID: camel.integrationId,
    IntegrationKey: camel.integrationKey,
    SourceID: camel.sourceId,
    PlatformName: camel.platformName,
    LinkURL: camel.linkUrl,
    Status: camel.status,
    LastSync: camel.lastSync,
    Created: camel.created,
    SourceType: camel.sourceType,
    ConnectionInfo: { region: "eu" },
    AdditionalProperties: { note: "kept" },
    DataConnectionErrors: [
      {
        StatusCode: "401",
        StatusText: "x",
        ErrorMessage: "token revoked",
        ErroredOnUtc: "2022-12-27T09:53:29Z",
        Status: "Active",
      },
    ],
  };

  it("maps like camelCase and exports PascalCase", () => {
    const value = mapped(mapCodatConnection(pascal, ctx));
    const fromCamel = mapped(mapCodatConnection(camel, ctx));
    expect(value.platform_id).toBe(fromCamel.platform_id);
    expect(value.status).toBe("deauthorized");
    expect(value.connection_info).toBe('{"region":"eu"}');
    expect(value.metadata).toBe('{"note":"kept"}');
    expect(value.errors[0]).toMatchObject({ status_code: "401", is_auth_error: 1 });
    expect(exportCodatConnection(value)).toStrictEqual(pascal);
    expect(restoreKeys(value)).toEqual([]);
  });

  it("reports paths in the casing that was sent", () => {
    const bad = { ...pascal, DataConnectionErrors: [{ ErroredOnUtc: "yesterday" }] };
    const result = mapCodatConnection(bad, ctx);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.issues).toEqual([
        { path: "$.DataConnectionErrors[0].ErroredOnUtc", reason: expect.stringContaining("yesterday") },
      ]);
  });

  it("refuses a record mixing both styles", () => {
    const result = mapCodatConnection({ ...camel, IntegrationID: "x" }, ctx);
    expect(result.ok).toBe(false);
  });
});

describe("Codat malformed records", () => {
  const good = record("codat-connection-example-1.json");
  const issuesOf = (raw: unknown) => {
    const result = mapCodatConnection(raw, ctx);
    return result.ok ? [] : result.issues;
  };

  it("lists every problem with its path", () => {
    const { id: _id, ...withoutId } = good;
    const issues = issuesOf({
      ...withoutId,
      linkUrl: "javascript:alert(1)",
      lastSync: 5,
      dataConnectionErrors: [{ erroredOnUtc: "2022-10-23T10:00:00Q" }, "x"],
    });
    expect(issues.map((i) => i.path)).toEqual([
      "$.id",
      "$.linkUrl",
      "$.lastSync",
      "$.dataConnectionErrors[0].erroredOnUtc",
      "$.dataConnectionErrors[1]",
    ]);
  });

  it("rejects unknown error statuses, non-objects and unsafe keys", () => {
    expect(issuesOf({ ...good, dataConnectionErrors: [{ status: "Open" }] })).toEqual([
      { path: "$.dataConnectionErrors[0].status", reason: expect.stringContaining("Active, Resolved") },
    ]);
    expect(issuesOf([good])).toEqual([{ path: "$", reason: "expected a JSON object" }]);
    expect(issuesOf(JSON.parse('{"__proto__": {"admin": true}}'))[0]?.path).toBe("$.__proto__");
  });

  it("keeps unknown keys in unmapped and gives them back", () => {
    const source = { ...good, companyRegion: "us", connectionInfo: null, lastSync: null };
    const value = mapped(mapCodatConnection(source, ctx));
    expect(traceOf(value).fields).toEqual({ companyRegion: "us" });
    expect(value.last_sync_at).toBeNull();
    expect(exportCodatConnection(value)).toStrictEqual(source);
  });

  it("exports the console's status in Codat's words once it no longer matches what was sent", () => {
    const value = mapped(mapCodatConnection(record("codat-connection-example-5.json"), ctx));
    expect(exportCodatConnection({ ...value, status: "active" }).status).toBe("Linked");
    expect(exportCodatConnection(value).status).toBe("Deauthorized");
  });
});
