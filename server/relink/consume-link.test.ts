import { expect, it } from "vitest";
import { seedDemo } from "../demo-data/seed-demo";
import { decryptSecret } from "../crypto";
import { describeEachDb } from "../test/databases";
import { acmeAdmin, callerAs } from "../test/callers";
import { consumeRelinkToken, type RelinkGrant } from "./consume-link";
import { markLinkOpened, readPublicLink } from "./public-link";
import { breakConnection, pickConnection, snapshot, tokenOf } from "./relink-test-helpers";

const accessTokenOf = (sealed: string | null): unknown =>
  (JSON.parse(decryptSecret(sealed ?? "")) as { access_token?: unknown }).access_token;

const grant = (access: string): RelinkGrant => ({
  credentials: { access_token: access, refresh_token: `r-${access}`, token_type: "bearer" },
  scopes: ["accounting.transactions.read"],
  expiresInSeconds: 3600,
});

describeEachDb(
  "relink: consuming a link",
  (get) => {
    async function freshLink(skip: number) {
      const db = get().db;
      const id = await pickConnection(db, "ten_acme", true, skip);
      await breakConnection(db, id);
      const link = await callerAs(db, acmeAdmin()).relink.create({ connectionId: id });
      return { id, link, token: tokenOf(link.url) };
    }

    it("in one step: credentials encrypted, status active, expiry set, auth errors resolved, link used, audited", async () => {
      const db = get().db;
      const { id, link, token } = await freshLink(0);
      const view = await readPublicLink(db, token);
      expect(view).toMatchObject({ state: "open", tenantName: "Acme Corporation" });
      if (view.state !== "open") throw new Error("not open");
      await markLinkOpened(db, view.linkId);
      const openAuthErrors = (await snapshot(db, id)).errors.filter(
        (e) => e.is_auth_error === 1 && e.status === "active",
      ).length;
      expect(openAuthErrors).toBeGreaterThanOrEqual(1);
      const result = await consumeRelinkToken(db, token, grant("new-access-token-1"));
      expect(result).toEqual({ ok: true, linkId: link.id, connectionId: id });
      const after = await snapshot(db, id);
      expect(after.connection.status).toBe("active");
      expect(after.connection.needs_relink).toBe(0);
      expect(Math.abs(Date.parse(after.connection.auth_expires_at ?? "") - Date.now() - 3_600_000)).toBeLessThan(
        60_000,
      );
      expect(after.connection.credentials_encrypted).not.toContain("new-access-token-1");
      expect(accessTokenOf(after.connection.credentials_encrypted)).toBe("new-access-token-1");
      expect(
        after.errors
          .filter((e) => e.is_auth_error === 1)
          .every((e) => e.status === "resolved" && e.resolved_by === `link:${link.id}`),
      ).toBe(true);
      expect(after.connection.open_error_count).toBe(after.errors.filter((e) => e.status === "active").length);
      const row = after.links.find((l) => l.id === link.id);
      expect(row?.used_at).not.toBeNull();
      expect(row?.opened_at).not.toBeNull();
      const event = after.audit.find((a) => a.action === "connection.relinked");
      expect(event?.actor_id).toBe(`link:${link.id}`);
      expect(JSON.parse(event?.after ?? "{}")).toMatchObject({
        status: "active",
        resolved_auth_errors: openAuthErrors,
      });
      expect(await readPublicLink(db, token)).toEqual({ state: "used" });
    });

    it("20 concurrent attempts on one token: exactly one succeeds and one audit event is written", async () => {
      const db = get().db;
      const { id, token } = await freshLink(1);
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) => consumeRelinkToken(db, token, grant(`concurrent-${i}`))),
      );
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      const after = await snapshot(db, id);
      expect(after.audit.filter((a) => a.action === "connection.relinked")).toHaveLength(1);
      const winner = results.findIndex((r) => r.ok);
      expect(accessTokenOf(after.connection.credentials_encrypted)).toBe(`concurrent-${winner}`);
    });

    it("a reused, revoked, expired or unknown token changes nothing", async () => {
      const db = get().db;
      const used = await freshLink(2);
      expect((await consumeRelinkToken(db, used.token, grant("first"))).ok).toBe(true);
      const revoked = await freshLink(3);
      await callerAs(db, acmeAdmin()).relink.revoke({ linkId: revoked.link.id });
      const expired = await freshLink(4);
      await db
        .updateTable("relink_links")
        .set({ expires_at: "2020-01-01T00:00:00.000Z" })
        .where("id", "=", expired.link.id)
        .execute();

      for (const [c, state] of [
        [used, "used"],
        [revoked, "revoked"],
        [expired, "expired"],
      ] as const) {
        const before = await snapshot(db, c.id);
        const view = await readPublicLink(db, c.token);
        expect(view).toEqual({ state });
        await markLinkOpened(db, c.link.id);
        expect(await consumeRelinkToken(db, c.token, grant("late"))).toEqual({ ok: false });
        expect(await snapshot(db, c.id)).toEqual(before);
      }
      const auditCount = async () =>
        Number(
          (
            await db
              .selectFrom("audit_events")
              .select((eb) => eb.fn.countAll().as("n"))
              .executeTakeFirstOrThrow()
          ).n,
        );
      const n = await auditCount();
      expect(await readPublicLink(db, "A".repeat(43))).toEqual({ state: "unknown" });
      expect(await readPublicLink(db, "../../etc")).toEqual({ state: "unknown" });
      expect(await consumeRelinkToken(db, "A".repeat(43), grant("x"))).toEqual({ ok: false });
      expect(await auditCount()).toBe(n);
    });
  },
  async (t) => {
    await seedDemo(t.db, { connections: 300, seed: 12 });
  },
);
