import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { camelToSnake } from "./casing";
import { exportDtoConnection, mapDtoConnection } from "./dto";
import { mapDtoRun, runStatus } from "./dto-run";
import { isJsonObject } from "./field-reader";
import { loadFixture } from "./fixtures/load-fixture";
import { filledPaths, restoreKeys } from "./fixtures/restore-keys";
import type { AdapterResult, MappedConnection } from "./types";

const ctx = { tenantTimeZone: "UTC", now: "2026-01-02T03:04:05.000Z" };

function mapped(result: AdapterResult): MappedConnection {
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value;
}

function record(path: string): Record<string, unknown> {
  return loadFixture(path) as Record<string, unknown>;
}

function snakeDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(snakeDeep);
  if (!isJsonObject(value)) return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [
      camelToSnake(k),
      k.endsWith("Parameters") || k.endsWith("Metadata") || k === "metadata" ? v : snakeDeep(v),
    ]),
  );
}

describe("Workiva vendor examples (placeholders as published)", () => {
  it('rejects the ConnectionRunDto example: "string" is neither a date-time nor a run status', () => {
    const body = record("vendor/workiva-connectionrun-example-1.json").body;
    const result = mapDtoRun(body, ctx);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.issues.map((i) => i.path).sort()).toEqual([
        "$.created",
        "$.destinationStatus",
        "$.sourceStatus",
        "$.updated",
      ]);
  });

  it("rejects the truncated ConnectionDto example, naming each placeholder", () => {
    const text = readFileSync(
      fileURLToPath(new URL("./fixtures/vendor/workiva-connection-example-1.PARTIAL.txt", import.meta.url)),
      "utf8",
    );
    const lines = text.split("\n").filter((line) => !line.startsWith("#") && !line.includes('"lastRunBy": "strin'));
    expect(() => JSON.parse(text.replace(/^#.*$/gm, "")) as unknown).toThrow();
    const body = (JSON.parse(`${lines.join("\n").replace(/,\s*$/, "")}}}`) as { body: unknown }).body;
    const result = mapDtoConnection(body, ctx);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.issues.map((i) => i.path).sort()).toEqual(
        [
          "$.created",
          "$.lastRun.created",
          "$.lastRun.destinationStatus",
          "$.lastRun.sourceStatus",
          "$.lastRun.updated",
        ].sort(),
      );
    }
  });

  it("rejects the RefreshConnectionDto request body as not a connection", () => {
    const result = mapDtoConnection(record("vendor/workiva-refreshconnection-request-example-1.json"), ctx);
    expect(result).toEqual({
      ok: false,
      issues: [{ path: "$", reason: expect.stringContaining("RefreshConnectionDto") }],
    });
  });

  it("maps the run example once placeholders are real values", () => {
    const body = {
      ...(record("vendor/workiva-connectionrun-example-1.json").body as object),
      created: "2025-01-01T00:00:00Z",
      updated: "2025-01-01T00:05:00Z",
      sourceStatus: "complete",
      destinationStatus: "complete",
    };
    const result = mapDtoRun(body, ctx);
    expect(result.ok && result.value.run).toMatchObject({
      job_id: "string",
      status: "complete",
      finished_at: "2025-01-01T00:05:00.000Z",
    });
    expect(result.ok && result.value.connectionRef).toBe("string");
  });
});

describe("Workiva complete connection (constructed from the spec)", () => {
  const source = record("constructed/workiva-connection-full.json");

  it("maps the connection, its last run and the last-run summary", () => {
    const value = mapped(mapDtoConnection(source, ctx));
    expect(value).toMatchObject({
      platform: "workiva",
      platform_id: "b7f3c2a1-5d4e-4f60-9a8b-1c2d3e4f5a6b",
      name: "Revenue → 10-Q",
      provider: "workiva",
      workspace_id: "V0ZXb3Jrc3BhY2UfMTIz",
      source_type: "wdata_query",
      destination_type: "spreadsheet",
      status: "active",
      upstream_status: null,
      created_by: "V0ZVc2VyHzE0NjMyNzUyMDI",
      created_at: "2025-02-10T08:30:00.000Z",
      updated_at: "2025-06-30T22:01:12.000Z",
      metadata: '{"owner":"finance-reporting"}',
      last_run_job_id: "job-20250630-2200",
      last_run_status: "complete",
      last_run_at: "2025-06-30T22:01:12.500Z",
      last_run_source_parameters: '{"quarter":"Q2"}',
      last_run_destination_parameters: '{"range":"A1:F40"}',
      last_run_error: null,
      credentials: null,
      errors: [],
    });
    expect(value.runs).toEqual([
      {
        job_id: "job-20250630-2200",
        status: "complete",
        source_status: "complete",
        destination_status: "complete",
        started_at: "2025-06-30T22:00:00.000Z",
        finished_at: "2025-06-30T22:01:12.500Z",
        run_by: "V0ZVc2VyHzE0NjMyNzUyMDI",
        source_parameters: '{"quarter":"Q2"}',
        destination_parameters: '{"range":"A1:F40"}',
        records_read: null,
        records_written: null,
        error_message: null,
        extra: expect.stringContaining('"sourceMetadata":{"rows":4200}'),
      },
    ]);
    expect(exportDtoConnection(value)).toStrictEqual(source);
    expect(restoreKeys(value)).toEqual([]);
  });

  it("reads and writes the Python client's snake_case", () => {
    const snake = snakeDeep(source) as Record<string, unknown>;
    expect(snake.last_run_job_id).toBe("job-20250630-2200");
    const value = mapped(mapDtoConnection(snake, ctx));
    expect(value.runs[0]?.status).toBe("complete");
    expect(value.last_run_at).toBe("2025-06-30T22:01:12.500Z");
    expect(exportDtoConnection(value)).toStrictEqual(snake);
    expect(restoreKeys(value)).toEqual([]);
  });

  it("fills the summary from lastRun when the top-level last_run fields are absent", () => {
    const failed = record("constructed/workiva-connection-failed.json");
    const value = mapped(mapDtoConnection(failed, ctx));
    expect(value).toMatchObject({
      status: "error",
      name: "GL detail → ESG program",
      last_run_job_id: "job-20250701-0900",
      last_run_status: "error",
      last_run_at: "2025-07-01T09:00:04.000Z",
      last_run_error: "OAuth token expired for the source connection; re-authorize to continue",
      updated_at: "2025-04-01T09:00:00.000Z",
    });
    expect(value.errors).toEqual([
      {
        status_code: null,
        status_text: null,
        message: "OAuth token expired for the source connection; re-authorize to continue",
        errored_at: "2025-07-01T09:00:04.000Z",
        status: "active",
        upstream_status: null,
        is_auth_error: 1,
        resolved_at: null,
      },
    ]);
    expect(exportDtoConnection(value)).toStrictEqual(failed);
    // The summary fields we derived from lastRun were not sent, so they are not exported.
    expect(restoreKeys(value)).toEqual(["lastRunDate", "lastRunJobId", "updated"]);
  });

  it("keeps a running run's `updated` as last-touched, not as its finish", () => {
    const running = {
      connectionId: "c1",
      lastRun: { jobId: "j", sourceStatus: "complete", destinationStatus: "running", updated: "2025-01-01T00:00:00Z" },
    };
    const value = mapped(mapDtoConnection(running, ctx));
    expect(value.runs[0]).toMatchObject({ status: "running", finished_at: null });
    expect(value.name).toBe("c1");
    expect(exportDtoConnection(value)).toStrictEqual(running);
    expect(restoreKeys(value)).toEqual(["lastRunJobId", "name"]);
    expect(filledPaths(value)).toEqual(["$.created", "$.updated"]);
  });
});

describe("Workiva run status", () => {
  it("combines source and destination", () => {
    expect(runStatus("complete", "complete")).toBe("complete");
    expect(runStatus("complete", "error")).toBe("error");
    expect(runStatus("cancelled", "not_started")).toBe("cancelled");
    expect(runStatus("complete", "not_started")).toBe("running");
    expect(runStatus("not_started", null)).toBe("not_started");
    expect(runStatus(null, null)).toBe("unknown");
  });
});

describe("Workiva malformed records", () => {
  it("lists every problem with its path", () => {
    const result = mapDtoConnection(
      { created: "yesterday", metadata: [], lastRun: { sourceStatus: "done", sourceParameters: 1 } },
      ctx,
    );
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.issues.map((i) => i.path)).toEqual([
        "$.connectionId",
        "$.created",
        "$.metadata",
        "$.lastRun.jobId",
        "$.lastRun.sourceStatus",
        "$.lastRun.sourceParameters",
      ]);
    }
  });
});
