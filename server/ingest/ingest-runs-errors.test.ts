import { expect, it } from "vitest";
import { seedBase } from "../demo-data/seed-demo";
import { loadFixture } from "../adapters/fixtures/load-fixture";
import { describeEachDb } from "../test/databases";
import { countRows, ingestText, tenantRow } from "./test-support";

const workiva = loadFixture("constructed/workiva-connection-full.json") as Record<string, unknown>;
const WORKIVA_ID = String(workiva.connectionId);
const run = (jobId: string, created: string, status = "complete") => ({
  connectionId: WORKIVA_ID,
  jobId,
  created,
  updated: created.replace(":00Z", ":30Z"),
  sourceStatus: status,
  destinationStatus: status,
  error: status === "error" ? "Destination rejected 3 rows" : undefined,
});

describeEachDb(
  "ingest: runs and errors",
  (get) => {
    it("upserts runs by (connection, job id) and refreshes the last-run summary", async () => {
      const { db } = get();
      const acme = await tenantRow(db, "acme");
      await ingestText(db, "dto", JSON.stringify(workiva), { tenant: acme });
      const body = JSON.stringify([
        run("job-a", "2026-01-01T10:00:00Z"),
        run("job-b", "2026-01-02T10:00:00Z", "error"),
        { jobId: "x" },
        { ...run("job-c", "2026-01-03T10:00:00Z"), connectionId: "nope" },
      ]);
      const first = await ingestText(db, "dto", body, { kind: "runs" });
      expect(first.results.map((r) => r.status)).toEqual(["accepted", "accepted", "rejected", "rejected"]);
      expect(first.results[2]?.issues).toEqual([
        { path: "$[2].connectionId", reason: "required: the id of the connection this run belongs to" },
      ]);
      expect(first.results[3]?.issues?.[0]?.reason).toMatch(/no workiva connection "nope"/);
      const row = await db
        .selectFrom("connections")
        .select(["last_run_job_id", "last_run_status", "last_run_error", "version"])
        .where("platform_id", "=", WORKIVA_ID)
        .executeTakeFirstOrThrow();
      expect(row).toMatchObject({
        last_run_job_id: "job-b",
        last_run_status: "error",
        last_run_error: "Destination rejected 3 rows",
        version: 2,
      });
      const before = await countRows(db);
      const again = await ingestText(db, "dto", body, { kind: "runs" });
      expect(again.counts).toEqual({ accepted: 0, updated: 0, unchanged: 2, rejected: 2 });
      expect(await countRows(db)).toEqual(before);
      // The Workiva envelope `{body, code}` of GET /connections/{id}/status is accepted too.
      const envelope = await ingestText(
        db,
        "dto",
        JSON.stringify({ body: run("job-b", "2026-01-02T10:00:00Z", "complete"), code: 200 }),
        { kind: "runs" },
      );
      expect(envelope.results).toMatchObject([{ status: "updated" }]);
    });

    it("upserts errors by (connection, erroredOnUtc, statusCode) and recomputes health", async () => {
      const { db } = get();
      const acme = await tenantRow(db, "acme");
      const codat = loadFixture("vendor/codat-connection-example-6.json") as Record<string, unknown>;
      await ingestText(db, "codat", JSON.stringify(codat), { tenant: acme });
      const id = String(codat.id);
      const errors = [
        {
          connectionId: id,
          statusCode: "401",
          statusText: "Unauthorized",
          errorMessage: "token expired",
          erroredOnUtc: "2026-01-05T10:00:00",
        },
        {
          ConnectionID: id,
          StatusCode: 500,
          ErroredOnUtc: "2026-01-05T11:00:00Z",
          Status: "Resolved",
          ResolvedOnUtc: "2026-01-05T12:00:00Z",
        },
        { connectionId: id, statusCode: "500" },
        { connectionId: id, erroredOnUtc: "2026-01-05T10:00:00Z", color: "red" },
      ];
      const first = await ingestText(db, "codat", JSON.stringify(errors), { kind: "errors" });
      expect(first.results.map((r) => r.status)).toEqual(["accepted", "accepted", "rejected", "rejected"]);
      expect(first.results[2]?.issues).toEqual([{ path: "$[2].erroredOnUtc", reason: "required field is missing" }]);
      expect(first.results[3]?.issues).toEqual([
        { path: "$[3].color", reason: "unknown field: an error has no place to keep it" },
      ]);
      const stored = await db
        .selectFrom("connection_errors")
        .selectAll()
        .where("tenant_id", "=", "ten_acme")
        .orderBy("errored_at")
        .execute();
      // Acme's zone is America/New_York: an unqualified 10:00 is 15:00 UTC in January.
      expect(stored.map((e) => [e.errored_at, e.status, e.is_auth_error])).toEqual([
        ["2026-01-05T11:00:00.000Z", "resolved", 0],
        ["2026-01-05T15:00:00.000Z", "active", 1],
      ]);
      const health = await db
        .selectFrom("connections")
        .select(["open_error_count"])
        .where("platform_id", "=", id)
        .executeTakeFirstOrThrow();
      expect(health.open_error_count).toBe(1);
      const again = await ingestText(db, "codat", JSON.stringify(errors.slice(0, 2)), { kind: "errors" });
      expect(again.counts).toEqual({ accepted: 0, updated: 0, unchanged: 2, rejected: 0 });
      const resolved = await ingestText(
        db,
        "codat",
        JSON.stringify([{ ...errors[0], status: "Resolved", resolvedOnUtc: "2026-01-06T00:00:00Z" }]),
        { kind: "errors" },
      );
      expect(resolved.results).toMatchObject([{ status: "updated" }]);
      expect(
        (
          await db
            .selectFrom("connections")
            .select(["open_error_count"])
            .where("platform_id", "=", id)
            .executeTakeFirstOrThrow()
        ).open_error_count,
      ).toBe(0);
    });

    it("a scoped import cannot touch another tenant's connection", async () => {
      const { db } = get();
      const globex = await tenantRow(db, "globex");
      const before = await countRows(db);
      const runs = await ingestText(db, "dto", JSON.stringify([run("job-z", "2026-02-01T10:00:00Z")]), {
        kind: "runs",
        tenant: globex,
        tenantIsScope: true,
      });
      expect(runs.results[0]?.status).toBe("rejected");
      expect(runs.results[0]?.issues?.[0]?.reason).toMatch(/no workiva connection .* here/);
      const codatId = String((loadFixture("vendor/codat-connection-example-6.json") as Record<string, unknown>).id);
      const error = { connectionId: codatId, statusCode: "401", erroredOnUtc: "2026-02-01T10:00:00Z" };
      const errors = await ingestText(db, "codat", JSON.stringify([error]), {
        kind: "errors",
        tenant: globex,
        tenantIsScope: true,
      });
      expect(errors.results[0]?.issues?.[0]?.reason).toMatch(/no codat connection .* here/);
      expect(await countRows(db)).toEqual(before);
    });
  },
  async ({ db }) => {
    await seedBase(db, Date.parse("2026-11-01T12:00:00Z"));
  },
);
