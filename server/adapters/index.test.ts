import { describe, expect, it } from "vitest";
import { loadFixture } from "./fixtures/load-fixture";
import { ADAPTER_FORMATS, ADAPTERS, isAdapterFormat, prefixIssues, unwrapRecords } from "./index";

const ctx = { tenantTimeZone: "UTC", now: "2026-01-02T03:04:05.000Z" };

describe("adapter registry", () => {
  it("maps each format to its platform column", () => {
    expect(Object.fromEntries(ADAPTER_FORMATS.map((f) => [f, ADAPTERS[f].platform]))).toEqual({
      codat: "codat",
      unified: "unified",
      dto: "workiva",
      schema: "generic",
    });
    expect(isAdapterFormat("dto")).toBe(true);
    expect(isAdapterFormat("toString")).toBe(false);
  });

  it("each adapter stamps its own platform on what it maps", () => {
    const samples = {
      codat: loadFixture("vendor/codat-connection-example-1.json"),
      unified: loadFixture("constructed/unified-connection-full.json"),
      dto: loadFixture("constructed/workiva-connection-full.json"),
      schema: loadFixture("vendor/schema-connection-example-1.json"),
    };
    for (const format of ADAPTER_FORMATS) {
      const result = ADAPTERS[format].map(samples[format], ctx);
      expect(result.ok && result.value.platform, format).toBe(ADAPTERS[format].platform);
      if (result.ok) expect(ADAPTERS[format].export(result.value)).toStrictEqual(samples[format]);
    }
  });
});

describe("unwrapRecords", () => {
  it("finds records in Codat pages and webhooks", () => {
    const page = unwrapRecords("codat", loadFixture("vendor/codat-connections-list-example-1.json"));
    expect(page.map((r) => r.path)).toEqual(["$.results[0]"]);
    const hook = unwrapRecords("codat", loadFixture("vendor/codat-webhook-connection-failed-example-1.json"));
    expect(hook.map((r) => r.path)).toEqual(["$.payload.connection"]);
    expect(ADAPTERS.codat.map(hook[0]?.record, ctx).ok).toBe(true);
  });

  it("finds records in Workiva envelopes, arrays and bare bodies", () => {
    expect(unwrapRecords("dto", { body: [{}, {}], code: 200, cursor: null }).map((r) => r.path)).toEqual([
      "$.body[0]",
      "$.body[1]",
    ]);
    expect(unwrapRecords("dto", { body: { connectionId: "x" }, code: 200 })).toEqual([
      { path: "$.body", record: { connectionId: "x" } },
    ]);
    expect(unwrapRecords("schema", [1, 2]).map((r) => r.path)).toEqual(["$[0]", "$[1]"]);
    expect(unwrapRecords("unified", { id: "u" })).toEqual([{ path: "$", record: { id: "u" } }]);
  });

  it("rebases issue paths onto the record's place", () => {
    const [second] = unwrapRecords("codat", loadFixture("vendor/codat-connections-list-example-2.json"));
    const result = ADAPTERS.codat.map(second?.record, ctx);
    expect(result.ok).toBe(false);
    if (!result.ok && second) {
      expect(prefixIssues(second.path, result.issues).map((i) => i.path)).toContain("$.results[0].status");
    }
  });
});
