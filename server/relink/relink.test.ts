import { TRPCError } from "@trpc/server";
import { expect, it } from "vitest";
import { seedDemo } from "../demo-data/seed-demo";
import { describeEachDb } from "../test/databases";
import { acmeAdmin, acmeViewer, callerAs, globexAdmin, staff } from "../test/callers";
import { hashRelinkToken } from "./token";
import { pickConnection, tokenOf } from "./relink-test-helpers";

const codeOf = (e: unknown) => (e instanceof TRPCError ? e.code : String(e));

describeEachDb(
  "relink links: create, revoke, resend, ledger, bulk",
  (get) => {
    it("creates a link with a ≥128-bit token that is stored only as a hash, with default 7-day expiry", async () => {
      const db = get().db;
      const id = await pickConnection(db, "ten_acme", true);
      const before = Date.now();
      const link = await callerAs(db, acmeAdmin()).relink.create({
        connectionId: id,
        recipientEmail: "cfo@customer.test",
      });
      const token = tokenOf(link.url);
      expect(link.url).toBe(`http://localhost:3000/link/${token}`);
      expect(Buffer.from(token, "base64url").length).toBeGreaterThanOrEqual(16);
      const ttl = Date.parse(link.expiresAt) - before;
      expect(ttl).toBeGreaterThan(7 * 24 * 3_600_000 - 60_000);
      expect(ttl).toBeLessThanOrEqual(7 * 24 * 3_600_000 + 60_000);
      const row = await db.selectFrom("relink_links").selectAll().where("id", "=", link.id).executeTakeFirstOrThrow();
      expect(row.token_hash).toBe(hashRelinkToken(token));
      expect(row.sent_to).toBe("cfo@customer.test");
      // The token appears nowhere in the database: not in the link row, not in the audit log.
      const links = await db.selectFrom("relink_links").selectAll().execute();
      const audit = await db.selectFrom("audit_events").selectAll().execute();
      expect(JSON.stringify([links, audit])).not.toContain(token);
      expect(audit.some((a) => a.action === "relink.created" && a.connection_id === id)).toBe(true);
    });

    it("rejects expiries outside 1 hour..30 days and honours a chosen one", async () => {
      const db = get().db;
      const id = await pickConnection(db, "ten_acme", true, 1);
      const caller = callerAs(db, staff());
      for (const expiresInHours of [0, 721]) {
        await expect(caller.relink.create({ connectionId: id, expiresInHours })).rejects.toSatisfy(
          (e) => codeOf(e) === "BAD_REQUEST",
        );
      }
      const link = await caller.relink.create({ connectionId: id, expiresInHours: 1 });
      expect(Math.abs(Date.parse(link.expiresAt) - Date.now() - 3_600_000)).toBeLessThan(60_000);
    });

    it("roles: viewers cannot create; tenant admins get NOT_FOUND for other tenants' connections and links", async () => {
      const db = get().db;
      const acme = await pickConnection(db, "ten_acme", true, 2);
      const globex = await pickConnection(db, "ten_globex", true);
      await expect(callerAs(db, acmeViewer()).relink.create({ connectionId: acme })).rejects.toSatisfy(
        (e) => codeOf(e) === "FORBIDDEN",
      );
      await expect(callerAs(db, null).relink.create({ connectionId: acme })).rejects.toSatisfy(
        (e) => codeOf(e) === "UNAUTHORIZED",
      );
      await expect(callerAs(db, acmeAdmin()).relink.create({ connectionId: globex })).rejects.toSatisfy(
        (e) => codeOf(e) === "NOT_FOUND",
      );
      const globexLink = await callerAs(db, globexAdmin()).relink.create({ connectionId: globex });
      const acmeCaller = callerAs(db, acmeAdmin());
      await expect(acmeCaller.relink.revoke({ linkId: globexLink.id })).rejects.toSatisfy(
        (e) => codeOf(e) === "NOT_FOUND",
      );
      await expect(acmeCaller.relink.resend({ linkId: globexLink.id })).rejects.toSatisfy(
        (e) => codeOf(e) === "NOT_FOUND",
      );
      await expect(acmeCaller.relink.forConnection({ connectionId: globex })).rejects.toSatisfy(
        (e) => codeOf(e) === "NOT_FOUND",
      );
      await expect(callerAs(db, acmeViewer()).relink.revoke({ linkId: globexLink.id })).rejects.toSatisfy(
        (e) => codeOf(e) === "FORBIDDEN",
      );
      const ledger = await acmeCaller.relink.ledger({ limit: 200 });
      expect(ledger.rows.every((r) => r.tenant_id === "ten_acme")).toBe(true);
      expect(ledger.rows.some((r) => r.id === globexLink.id)).toBe(false);
      // Viewers may read their tenant's ledger.
      expect(
        (await callerAs(db, acmeViewer()).relink.forConnection({ connectionId: acme })).every(
          (r) => r.tenant_id === "ten_acme",
        ),
      ).toBe(true);
      const still = await db
        .selectFrom("relink_links")
        .select(["revoked_at"])
        .where("id", "=", globexLink.id)
        .executeTakeFirstOrThrow();
      expect(still.revoked_at).toBeNull();
    });

    it("a new link revokes the earlier open one; revoke is idempotent; resend replaces a link", async () => {
      const db = get().db;
      const id = await pickConnection(db, "ten_acme", true, 3);
      const caller = callerAs(db, acmeAdmin());
      const first = await caller.relink.create({ connectionId: id, recipientEmail: "it@customer.test" });
      const second = await caller.relink.create({ connectionId: id, revokeOpen: false });
      let ledger = await caller.relink.forConnection({ connectionId: id });
      expect(
        ledger
          .filter((r) => r.state === "open")
          .map((r) => r.id)
          .sort(),
      ).toEqual([first.id, second.id].sort());
      expect(await caller.relink.revoke({ linkId: second.id })).toEqual({ revoked: true });
      expect(await caller.relink.revoke({ linkId: second.id })).toEqual({ revoked: false });
      const resent = await caller.relink.resend({ linkId: first.id });
      expect(resent.sentTo).toBe("it@customer.test");
      expect(tokenOf(resent.url)).not.toBe(tokenOf(first.url));
      ledger = await caller.relink.forConnection({ connectionId: id });
      const state = new Map(ledger.map((r) => [r.id, r.state]));
      expect(state.get(first.id)).toBe("revoked");
      expect(state.get(second.id)).toBe("revoked");
      expect(state.get(resent.id)).toBe("open");
      expect(ledger.find((r) => r.id === first.id)?.revoked_by).toBe(acmeAdmin().id);
      const revokedOnly = await caller.relink.ledger({ state: "revoked", connectionId: id, limit: 50 });
      expect(revokedOnly.rows.map((r) => r.id).sort()).toEqual([first.id, second.id].sort());
      const audit = await db.selectFrom("audit_events").select(["action"]).where("connection_id", "=", id).execute();
      expect(audit.filter((a) => a.action === "relink.revoked")).toHaveLength(2);
      expect(audit.filter((a) => a.action === "relink.created")).toHaveLength(3);
    });

    it("ledger pages with a cursor without skipping or repeating", async () => {
      const caller = callerAs(get().db, staff());
      const all = await caller.relink.ledger({ limit: 200 });
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: Awaited<ReturnType<typeof caller.relink.ledger>> = await caller.relink.ledger({ limit: 2, cursor });
        seen.push(...page.rows.map((r) => r.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen).toEqual(all.rows.map((r) => r.id));
      expect(seen.length).toBeGreaterThan(3);
    });

    it("bulk: links only for visible connections that need relink, grouped in a batch with progress", async () => {
      const db = get().db;
      const a1 = await pickConnection(db, "ten_acme", true, 5);
      const a2 = await pickConnection(db, "ten_acme", true, 6);
      const healthy = await pickConnection(db, "ten_acme", false);
      const globex = await pickConnection(db, "ten_globex", true, 1);
      const result = await callerAs(db, acmeAdmin()).relink.bulkCreate({
        connectionIds: [a1, a2, healthy, globex, a1],
        expiresInHours: 48,
      });
      expect(result.links.map((l) => l.connectionId).sort()).toEqual([a1, a2].sort());
      expect(result.links.every((l) => l.tenantName === "Acme Corporation" && l.url.includes("/link/"))).toBe(true);
      expect(result.skipped).toEqual([
        { connectionId: healthy, reason: "does not need relink" },
        { connectionId: globex, reason: "not found" },
      ]);
      if (!result.batchId) throw new Error("no batch");
      const batch = await callerAs(db, acmeAdmin()).relink.batch({ batchId: result.batchId });
      expect(batch).toMatchObject({ total: 2, used: 0, opened: 0, revoked: 0, expired: 0 });
      await expect(callerAs(db, globexAdmin()).relink.batch({ batchId: result.batchId })).rejects.toSatisfy(
        (e) => codeOf(e) === "NOT_FOUND",
      );
      await expect(callerAs(db, acmeViewer()).relink.bulkCreate({ connectionIds: [a1] })).rejects.toSatisfy(
        (e) => codeOf(e) === "FORBIDDEN",
      );
      expect((await callerAs(db, staff()).relink.batches()).some((b) => b.id === result.batchId)).toBe(true);
    });
  },
  async (t) => {
    await seedDemo(t.db, { connections: 300, seed: 11 });
  },
);
