import { expect, it } from "vitest";
import { callerAs, staff } from "../test/callers";
import { describeEachDb } from "../test/databases";
import { loadLedgerPage } from "./ledger-page";

describeEachDb("relink page query string", (get) => {
  it("reads a good query string as it is", async () => {
    const page = await loadLedgerPage(callerAs(get().db, staff()), { state: "open" });
    expect(page).toMatchObject({ state: "open", notice: null, ledger: { rows: [], nextCursor: null } });
  });

  it("a bad cursor (cursor=abc, a NUL inside, two cursors) gives the first page and says so", async () => {
    const caller = callerAs(get().db, staff());
    const nul = Buffer.from(JSON.stringify(["2026\u0000", "x"])).toString("base64url");
    for (const cursor of ["abc", nul, ["abc", "def"]]) {
      const page = await loadLedgerPage(caller, { cursor });
      expect(page.notice).toMatch(/out of date or was changed; showing the newest links/);
      expect(page.ledger.rows).toEqual([]);
    }
  });

  it("an unknown state is ignored with a note", async () => {
    const page = await loadLedgerPage(callerAs(get().db, staff()), { state: ["nope", "open"] });
    expect(page).toMatchObject({ state: null, notice: "The state filter was not understood; showing every state." });
  });

  it("other failures are not hidden", async () => {
    await expect(loadLedgerPage(callerAs(get().db, null), { cursor: "abc" })).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
  });
});
