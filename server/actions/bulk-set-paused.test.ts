import { expect, it } from "vitest";
import { seedDemo } from "../demo-data/seed-demo";
import type { BulkSetPausedRequest, BulkSetPausedResponse } from "./bulk-pause.types";
import { acmeAdmin, acmeViewer, callerAs, staff } from "../test/callers";
import { describeEachDb } from "../test/databases";
import type { SessionUser } from "../auth/session-user";

const NOW = Date.parse("2026-11-01T12:00:00Z");

describeEachDb(
  "actions.bulkSetPaused",
  (get) => {
    /** Drives a bulk run to the end the way the client does, step by step. */
    async function runAll(user: SessionUser, input: Omit<BulkSetPausedRequest, "cursor" | "jobId">) {
      const caller = callerAs(get().db, user);
      const steps: BulkSetPausedResponse[] = [];
      let step = await caller.actions.bulkSetPaused(input);
      steps.push(step);
      while (!step.done) {
        step = await caller.actions.bulkSetPaused({ ...input, cursor: step.nextCursor, jobId: step.jobId });
        steps.push(step);
      }
      const sum = (k: "changed" | "skipped" | "notFound" | "processed") => steps.reduce((n, s) => n + s[k], 0);
      return {
        steps,
        total: steps[0]?.total,
        jobId: steps[0]?.jobId,
        changed: sum("changed"),
        skipped: sum("skipped"),
        notFound: sum("notFound"),
        processed: sum("processed"),
      };
    }
    const count = async (where: { tenant?: string; status?: "expired" | "active"; paused?: 0 | 1 }) => {
      let q = get()
        .db.selectFrom("connections")
        .select((eb) => eb.fn.countAll().as("n"));
      if (where.tenant) q = q.where("tenant_id", "=", where.tenant);
      if (where.status) q = q.where("status", "=", where.status);
      if (where.paused !== undefined) q = q.where("user_paused", "=", where.paused);
      return Number((await q.executeTakeFirstOrThrow()).n);
    };

    it("by filter: a tenant admin pauses every matching row of their tenant only, in batches, audited per row", async () => {
      const expiredAcme = await count({ tenant: "ten_acme", status: "expired" });
      const alreadyPaused = await count({ tenant: "ten_acme", status: "expired", paused: 1 });
      const otherTenantsPaused = await get()
        .db.selectFrom("connections")
        .select(["id", "user_paused", "version"])
        .where("tenant_id", "!=", "ten_acme")
        .orderBy("id")
        .execute();
      expect(expiredAcme).toBeGreaterThan(5);

      const run = await runAll(acmeAdmin(), {
        action: "pause",
        reason: "Expired: stop retries",
        target: { kind: "filter", filters: { status: ["expired"] } },
        batchSize: 4,
      });
      expect(run.total).toBe(expiredAcme);
      expect(run.steps.length).toBeGreaterThan(1);
      expect(run.steps.slice(1).every((s) => s.total === null && s.jobId === run.jobId)).toBe(true);
      expect(run.processed).toBe(expiredAcme);
      expect({ changed: run.changed, skipped: run.skipped, notFound: run.notFound }).toEqual({
        changed: expiredAcme - alreadyPaused,
        skipped: alreadyPaused,
        notFound: 0,
      });
      expect(await count({ tenant: "ten_acme", status: "expired", paused: 0 })).toBe(0);
      // Nobody else's rows moved, not even the version.
      const after = await get()
        .db.selectFrom("connections")
        .select(["id", "user_paused", "version"])
        .where("tenant_id", "!=", "ten_acme")
        .orderBy("id")
        .execute();
      expect(after).toEqual(otherTenantsPaused);
      const audit = await get()
        .db.selectFrom("audit_events")
        .select(["tenant_id", "after", "note"])
        .where("action", "=", "connection.pause")
        .execute();
      const ofJob = audit.filter((a) => (JSON.parse(a.after ?? "{}") as { bulk?: string }).bulk === run.jobId);
      expect(ofJob).toHaveLength(run.changed);
      expect(ofJob.every((a) => a.tenant_id === "ten_acme" && a.note === "Expired: stop retries")).toBe(true);
    });

    it("by filter on the state it changes: resuming `userPaused: true` still visits every row once", async () => {
      const paused = await count({ tenant: "ten_acme", paused: 1 });
      expect(paused).toBeGreaterThan(3);
      const run = await runAll(acmeAdmin(), {
        action: "resume",
        target: { kind: "filter", filters: { userPaused: true } },
        batchSize: 3,
      });
      expect(run.total).toBe(paused);
      expect(run.changed).toBe(paused);
      expect(await count({ tenant: "ten_acme", paused: 1 })).toBe(0);
      expect(await count({ paused: 1 })).toBeGreaterThan(0); // other tenants' paused rows stay paused
    });

    it("by ids: reports changed, skipped (already in state) and not found (unknown or another tenant's)", async () => {
      const acme = await get()
        .db.selectFrom("connections")
        .select(["id"])
        .where("tenant_id", "=", "ten_acme")
        .where("user_paused", "=", 0)
        .orderBy("id")
        .limit(5)
        .execute();
      const globex = await get()
        .db.selectFrom("connections")
        .select(["id", "version"])
        .where("tenant_id", "=", "ten_globex")
        .where("user_paused", "=", 0)
        .limit(2)
        .execute();
      const [first] = acme;
      if (!first) throw new Error("seed too small");
      const ids = [...acme.map((r) => r.id), ...globex.map((r) => r.id), "con_does_not_exist", first.id];
      const pre = await runAll(acmeAdmin(), {
        action: "pause",
        reason: "pre",
        target: { kind: "ids", ids: [first.id] },
      });
      expect(pre.changed).toBe(1);
      const run = await runAll(acmeAdmin(), {
        action: "pause",
        reason: "Investigating",
        target: { kind: "ids", ids },
        batchSize: 2,
      });
      expect(run.total).toBe(ids.length - 1); // duplicates count once
      expect({ changed: run.changed, skipped: run.skipped, notFound: run.notFound }).toEqual({
        changed: 4,
        skipped: 1,
        notFound: 3,
      });
      const globexNow = await get()
        .db.selectFrom("connections")
        .select(["id", "version"])
        .where(
          "id",
          "in",
          globex.map((g) => g.id),
        )
        .where("user_paused", "=", 0)
        .execute();
      expect(globexNow).toHaveLength(globex.length);
      // Staff see every tenant: the Globex ids are found for them.
      const staffRun = await runAll(staff(), {
        action: "pause",
        reason: "Investigating",
        target: { kind: "ids", ids },
      });
      expect({ changed: staffRun.changed, skipped: staffRun.skipped, notFound: staffRun.notFound }).toEqual({
        changed: 2,
        skipped: 5,
        notFound: 1,
      });
    });

    it("viewers get FORBIDDEN and a pause without a reason is BAD_REQUEST", async () => {
      const before = await count({ paused: 1 });
      await expect(
        callerAs(get().db, acmeViewer()).actions.bulkSetPaused({
          action: "pause",
          reason: "x",
          target: { kind: "filter", filters: {} },
        }),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(
        callerAs(get().db, acmeAdmin()).actions.bulkSetPaused({
          action: "pause",
          target: { kind: "filter", filters: {} },
        }),
      ).rejects.toMatchObject({ code: "BAD_REQUEST" });
      expect(await count({ paused: 1 })).toBe(before);
    });
  },
  async (t) => {
    await seedDemo(t.db, { connections: 200, seed: 5, now: NOW });
  },
);
