// 50 concurrent pauses and resumes of one row, single and bulk, on both databases: the audit trail
// must be a chain (each event's `before` is the previous event's `after`), one event per change.
import { expect, it } from "vitest";
import { seedDemo } from "../demo-data/seed-demo";
import { callerAs, staff } from "../test/callers";
import { describeEachDb } from "../test/databases";

describeEachDb(
  "pause/resume under concurrency",
  (get) => {
    let picked = 0;
    /** A different unpaused row for each test, so their audit trails stay apart. */
    async function pickRow(): Promise<{ id: string; version: number }> {
      const row = await get()
        .db.selectFrom("connections")
        .select(["id", "version"])
        .where("user_paused", "=", 0)
        .orderBy("id")
        .limit(1)
        .offset(picked++)
        .executeTakeFirstOrThrow();
      return row;
    }

    async function chainOf(id: string) {
      const events = await get()
        .db.selectFrom("audit_events")
        .select(["before", "after", "action"])
        .where("connection_id", "=", id)
        .where("action", "in", ["connection.pause", "connection.resume"])
        .execute();
      return events.map((e) => ({
        action: e.action,
        before: JSON.parse(e.before ?? "null") as { version: number; user_paused: boolean },
        after: JSON.parse(e.after ?? "null") as { version: number; user_paused: boolean },
      }));
    }

    function expectChain(events: Awaited<ReturnType<typeof chainOf>>, startVersion: number, endVersion: number) {
      const sorted = [...events].sort((a, b) => a.before.version - b.before.version);
      let version = startVersion;
      for (const e of sorted) {
        expect(e.before.version).toBe(version);
        expect(e.after.version).toBe(version + 1);
        expect(e.after.user_paused).toBe(e.action === "connection.pause");
        expect(e.before.user_paused).toBe(!e.after.user_paused);
        version = e.after.version;
      }
      expect(version).toBe(endVersion);
    }

    it.each([1, 2, 3, 4])(
      "bulk (round %i): 25 pauses and 25 resumes at once give one audit event per change, chained by version",
      async () => {
        const { id, version: start } = await pickRow();
        const caller = callerAs(get().db, staff());
        const jobs = Array.from({ length: 50 }, (_, i) =>
          caller.actions.bulkSetPaused({
            action: i % 2 === 0 ? "pause" : "resume",
            reason: i % 2 === 0 ? "concurrency test" : undefined,
            target: { kind: "ids", ids: [id] },
            batchSize: 10,
          }),
        );
        const results = await Promise.all(jobs);
        const changes = results.reduce((n, r) => n + r.changed, 0);
        const row = await get()
          .db.selectFrom("connections")
          .select(["version"])
          .where("id", "=", id)
          .executeTakeFirstOrThrow();
        expect(row.version).toBe(start + changes);
        const events = await chainOf(id);
        expect(events).toHaveLength(changes);
        expectChain(events, start, row.version);
      },
    );

    it("single: 50 concurrent pause/resume calls with the version each saw never audit a stale before", async () => {
      const { id, version: start } = await pickRow();
      const caller = callerAs(get().db, staff());
      const settled = await Promise.allSettled(
        Array.from({ length: 50 }, (_, i) =>
          i % 2 === 0
            ? caller.actions.pauseConnection({ id, expectedVersion: start, reason: "concurrency test" })
            : caller.actions.resumeConnection({ id, expectedVersion: start + 1 }),
        ),
      );
      const changed = settled.filter((s) => s.status === "fulfilled" && s.value.changed).length;
      const row = await get()
        .db.selectFrom("connections")
        .select(["version"])
        .where("id", "=", id)
        .executeTakeFirstOrThrow();
      expect(row.version).toBe(start + changed);
      const events = await chainOf(id);
      expect(events).toHaveLength(changed);
      expectChain(events, start, row.version);
      // Every refusal is a readable CONFLICT, never a 500.
      for (const s of settled) if (s.status === "rejected") expect(String(s.reason)).toMatch(/changed this connection/);
    });
  },
  async (t) => {
    await seedDemo(t.db, { connections: 30, seed: 7 });
  },
);
