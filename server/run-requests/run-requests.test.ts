// Run requests in the domain: the last run's parameters with overrides (null removes a key),
// audited as connection.run_requested in the request's transaction, fulfilled by whichever ingest
// path stores a run with the job id (a run pushed alone, or a connection's lastRun).
import { expect, it } from "vitest";
import { seedBase } from "../demo-data/seed-demo";
import { loadFixture } from "../adapters/fixtures/load-fixture";
import { ingestText, tenantRow } from "../ingest/test-support";
import { TenantScope } from "../scope/tenant-scope";
import { acmeViewer, callerAs, globexAdmin } from "../test/callers";
import { describeEachDb } from "../test/databases";
import { listRunRequests } from "./list-run-requests";
import { overlayParameters, requestRun } from "./request-run";

const flow = loadFixture("constructed/workiva-connection-full.json") as Record<string, unknown>;

it("overlays parameters: the request's keys replace, null removes, the rest stay", () => {
  expect(overlayParameters({ quarter: "Q2", range: "A1", keep: 1 }, { quarter: "Q3", range: null, add: true })).toEqual(
    {
      quarter: "Q3",
      keep: 1,
      add: true,
    },
  );
  expect(overlayParameters({ a: 1 }, undefined)).toEqual({ a: 1 });
});

describeEachDb(
  "run requests",
  (get) => {
    it("a connection's lastRun with the requested job id fulfils the request (ingest of connections)", async () => {
      const { db } = get();
      const acme = await tenantRow(db, "acme");
      await ingestText(db, "dto", JSON.stringify([flow]), { tenant: acme });
      const connection = await db
        .selectFrom("connections")
        .select(["id", "last_run_source_parameters"])
        .where("platform", "=", "workiva")
        .executeTakeFirstOrThrow();
      const scope = TenantScope.unscopedForApiKey(db, { id: "key_t", name: "t", tenantId: "ten_acme" });
      const request = await requestRun(scope, connection.id, { sourceParameters: { quarter: "Q3" } });
      expect(request).toMatchObject({ status: "pending", source_parameters: { quarter: "Q3" } });
      // The Runs tab lists it for the tenant's users, and for nobody else.
      const tab = await callerAs(db, acmeViewer()).detail.runRequests({ connectionId: connection.id });
      expect(tab.map((r) => r.job_id)).toEqual([request.job_id]);
      await expect(
        callerAs(db, globexAdmin()).detail.runRequests({ connectionId: connection.id }),
      ).rejects.toMatchObject({
        code: "NOT_FOUND",
      });
      const audit = await db
        .selectFrom("audit_events")
        .select(["actor_label", "after"])
        .where("action", "=", "connection.run_requested")
        .executeTakeFirstOrThrow();
      expect(audit.actor_label).toBe("API key t");
      expect(JSON.parse(audit.after ?? "{}")).toMatchObject({
        run_request: { id: request.id, job_id: request.job_id, based_on_job_id: "job-20250630-2200" },
      });

      const rerun = {
        ...flow,
        lastRunJobId: request.job_id,
        lastRun: { ...(flow.lastRun as object), jobId: request.job_id, created: new Date().toISOString() },
      };
      await ingestText(db, "dto", JSON.stringify([rerun]), { tenant: acme });
      const [after] = (await listRunRequests(scope, { connectionId: connection.id, limit: 10 })).rows;
      expect(after).toMatchObject({
        id: request.id,
        status: "fulfilled",
        fulfilled_run_id: expect.stringMatching(/^run_/),
      });

      // Another tenant's scope sees neither the connection nor its requests.
      const globex = TenantScope.unscopedForApiKey(db, { id: "key_g", name: "g", tenantId: "ten_globex" });
      await expect(requestRun(globex, connection.id, {})).rejects.toThrow(/not found/);
      expect((await listRunRequests(globex, { limit: 10 })).rows).toEqual([]);
    });
  },
  async (t) => {
    await seedBase(t.db, Date.parse("2026-11-01T12:00:00Z"));
  },
);
