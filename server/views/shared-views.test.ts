// Shared saved views: a tenant user shares with their tenant, support staff with every support
// user; another tenant never sees them; only the owner changes, shares or deletes a view.
import { expect, it } from "vitest";
import { acmeAdmin, acmeViewer, callerAs, globexAdmin, staff, userFor } from "../test/callers";
import { describeEachDb } from "../test/databases";
import { seedListFixture } from "../test/list-fixture";

const COLLEAGUE = { ...userFor("support", null), id: "usr_test_support_colleague", email: "colleague@test" };

const table = { table: "connections" as const };

describeEachDb(
  "shared saved views",
  (get) => {
    it("a view shared with the tenant is listed apart for its users, never for another tenant", async () => {
      const { db } = get();
      const owner = callerAs(db, acmeAdmin());
      const view = await owner.views.save({ ...table, name: "Acme broken", query: "status=error", shared: "tenant" });
      expect(view).toMatchObject({ shared: "tenant", mine: true });
      const private_ = await owner.views.save({ ...table, name: "Acme private", query: "status=expired" });
      expect(private_.shared).toBeNull();

      const viewerList = await callerAs(db, acmeViewer()).views.list(table);
      expect(viewerList.filter((v) => !v.mine)).toEqual([
        expect.objectContaining({ id: view.id, name: "Acme broken", owner: "tenant_admin@test", mine: false }),
      ]);
      expect((await callerAs(db, globexAdmin()).views.list(table)).map((v) => v.id)).not.toContain(view.id);
      // Support staff see staff-shared views only, not a tenant's.
      expect((await callerAs(db, staff()).views.list(table)).map((v) => v.id)).not.toContain(view.id);
      // The owner lists it among their own, once.
      expect((await owner.views.list(table)).filter((v) => v.id === view.id)).toEqual([
        expect.objectContaining({ mine: true, shared: "tenant" }),
      ]);
    });

    it("only the owner deletes, renames or unshares a shared view", async () => {
      const { db } = get();
      const view = await callerAs(db, acmeAdmin()).views.save({
        ...table,
        name: "Owner only",
        query: "provider=xero",
        shared: "tenant",
      });
      const viewer = callerAs(db, acmeViewer());
      await expect(viewer.views.remove({ id: view.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(viewer.views.share({ id: view.id, shared: null })).rejects.toMatchObject({ code: "NOT_FOUND" });
      // Saving the same name makes the viewer's own view; the owner's stays as it was.
      await viewer.views.save({ ...table, name: "Owner only", query: "provider=sage" });
      const seen = await viewer.views.list(table);
      expect(seen.find((v) => v.id === view.id)).toMatchObject({ query: "provider=xero", mine: false });

      await callerAs(db, acmeAdmin()).views.share({ id: view.id, shared: null });
      expect((await viewer.views.list(table)).map((v) => v.id)).not.toContain(view.id);
      await callerAs(db, acmeAdmin()).views.remove({ id: view.id });
      expect((await callerAs(db, acmeAdmin()).views.list(table)).map((v) => v.id)).not.toContain(view.id);
    });

    it("support shares with all staff; the wrong share target is refused with a reason", async () => {
      const { db } = get();
      const view = await callerAs(db, staff()).views.save({
        ...table,
        name: "Triage",
        query: "relink=true",
        shared: "staff",
      });
      expect((await callerAs(db, COLLEAGUE).views.list(table)).find((v) => v.id === view.id)).toMatchObject({
        mine: false,
        shared: "staff",
      });
      expect((await callerAs(db, acmeAdmin()).views.list(table)).map((v) => v.id)).not.toContain(view.id);
      await expect(
        callerAs(db, staff()).views.save({ ...table, name: "Bad", query: "", shared: "tenant" }),
      ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("shared:") });
      await expect(
        callerAs(db, acmeAdmin()).views.save({ ...table, name: "Bad", query: "", shared: "staff" }),
      ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("shared:") });
    });
  },
  async (t) => {
    await seedListFixture(t.db, Date.parse("2026-11-01T12:00:00Z"));
    await t.db
      .insertInto("users")
      .values({
        id: COLLEAGUE.id,
        email: COLLEAGUE.email,
        name: "colleague",
        password_hash: "x",
        role: "support",
        tenant_id: null,
        created_at: "2026-11-01T12:00:00.000Z",
      })
      .execute();
  },
);
