// Operations in a real browser: every home card leads to the connections table showing as many
// rows as the card said (as support and as a tenant admin), and resolving an error group from
// its page resolves its errors and writes an audit event per connection.
import { expect, queryDb as query, test } from "./fixtures";

const shot = (name: string) => `test-results/screens/operations-${name}.png`;
test.describe.configure({ timeout: 300_000 });

/** The table's count of matching rows ("1,234 matching" under filters, "2,000 connections" without), once counted. */
const matching = async (page: import("@playwright/test").Page) => {
  const count = page.getByTestId("match-count");
  await expect(count).toHaveText(/^[\d,]+\+? (connections?|matching)/, { timeout: 60_000 });
  const m = /^([\d,]+)\+? (connection|matching)/.exec((await count.textContent()) ?? "");
  return Number((m?.[1] ?? "-1").replace(/,/g, ""));
};

for (const user of ["support", "acmeAdmin"] as const) {
  test.describe(() => {
    test.use({ signedInAs: user });

    test(`each home card leads to a table whose count matches the card (${user})`, async ({ page }) => {
      await page.goto("/");
      await expect(page.getByRole("heading", { name: "Home" })).toBeVisible();
      await page.screenshot({ path: shot(`home-${user}`), fullPage: true });
      const cards = await page.locator("a[data-card]").evaluateAll((links) =>
        links.map((a) => ({
          label: a.getAttribute("data-card") ?? "",
          href: a.getAttribute("href") ?? "",
          value: Number(a.querySelector("[data-value]")?.getAttribute("data-value") ?? -1),
        })),
      );
      expect(cards.length).toBeGreaterThanOrEqual(13);
      for (const card of cards) {
        await page.goto(card.href);
        expect({ card: card.label, n: await matching(page) }).toEqual({ card: card.label, n: card.value });
      }
      // And one by clicking, as a person would.
      await page.goto("/");
      await page.getByRole("link", { name: /^Need relink:/ }).click();
      await expect(page).toHaveURL(/\/connections\?relink=true/);
    });
  });
}

test.describe(() => {
  test.use({ signedInAs: "support" });

  test("resolving an error group resolves its errors and writes audit events", async ({ page }) => {
    await page.goto("/errors");
    await expect(page.getByRole("heading", { name: "Error groups" })).toBeVisible();
    await page.screenshot({ path: shot("errors"), fullPage: true });
    const first = page.locator("tr[data-group]").first();
    const groupId = (await first.getAttribute("data-group")) ?? "";
    expect(groupId).toMatch(/^eg_/);
    const active = () =>
      query<{ n: number; c: number }>(
        "SELECT count(*) AS n, count(DISTINCT e.connection_id) AS c FROM connection_errors e JOIN ops_error_members m ON m.error_id = e.id WHERE m.group_id = ? AND e.status = 'active'",
        groupId,
      )[0]!;
    const before = active();
    expect(before.n).toBeGreaterThan(0);
    await first.getByRole("link").first().click();
    await expect(page).toHaveURL(new RegExp(`/errors/${groupId}$`));
    await page.screenshot({ path: shot("group"), fullPage: true });

    // Its connections: the table filtered to the group.
    await page.getByRole("link", { name: /^Show the .* connections$/ }).click();
    expect(await matching(page)).toBe(before.c);
    await page.goBack();

    const note = `Resolved from the group page ${Date.now()}`;
    await page.getByRole("button", { name: /^Resolve all/ }).click();
    await page.getByLabel("Note").fill(note);
    await page.getByRole("dialog").getByRole("button", { name: "Resolve all" }).click();
    await expect(page.getByRole("status").filter({ hasText: /Done: / })).toContainText(`${before.n} resolved`, {
      timeout: 120_000,
    });
    await page.screenshot({ path: shot("group-resolved"), fullPage: true });
    expect(active().n).toBe(0);
    const audits = query<{ n: number }>(
      "SELECT count(DISTINCT connection_id) AS n FROM audit_events WHERE action = 'errors.resolve' AND note = ?",
      note,
    )[0]!;
    expect(audits.n).toBe(before.c);
  });
});
