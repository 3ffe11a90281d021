import { readFileSync } from "node:fs";
import { expect, queryDb as query, test } from "./fixtures";

const shot = (name: string) => `test-results/screens/list-${name}.png`;
// The machine running the suite may be busy (builds, a million-row seed): allow for it.
test.describe.configure({ timeout: 180_000 });

const rowIds = (page: import("@playwright/test").Page) =>
  page.locator("tbody tr[data-row] td:nth-child(2) .conn-id").allTextContents();

test.describe(() => {
  test.use({ signedInAs: "support" });

  test("filter, sort, page, reload to the same view, go back, and export the filtered list", async ({ page }) => {
    await page.goto("/connections");
    await expect(page.locator("tbody tr[data-row]").first()).toBeVisible();
    await page.screenshot({ path: shot("1-default"), fullPage: true });

    // Filter: status Error, with the count the menu promised.
    const errorCount = query<{ n: number }>("SELECT count(*) AS n FROM connections WHERE status = 'error'")[0]?.n ?? -1;
    await page.getByRole("button", { name: /^Filter by status/ }).click();
    const errorItem = page.getByRole("menuitemcheckbox", { name: /^Error/ });
    await expect(errorItem).toContainText(String(errorCount.toLocaleString("en-US")));
    await errorItem.click();
    await page.keyboard.press("Escape");
    await expect(page).toHaveURL(/status=error/);
    await expect(page.getByText(`${errorCount.toLocaleString("en-US")} matching`)).toBeVisible();

    // Sort by name ascending.
    await page.getByRole("button", { name: "Connection: sort ascending" }).click();
    await expect(page).toHaveURL(/sort=name/);
    await expect(page).toHaveURL(/dir=asc/);
    const expected = query<{ id: string }>(
      "SELECT id FROM connections WHERE status = 'error' ORDER BY name ASC, id ASC LIMIT 50",
    ).map((r) => r.id);
    await expect.poll(() => rowIds(page)).toEqual(expected.slice(0, 25));
    await page.screenshot({ path: shot("2-filtered-sorted"), fullPage: true });

    // Next page, by keyset cursor.
    await page.getByRole("button", { name: "Next page" }).click();
    await expect(page).toHaveURL(/cursor=/);
    await expect.poll(() => rowIds(page)).toEqual(expected.slice(25, 50));
    const pageTwoUrl = page.url();

    // Reload: the URL alone reproduces the view.
    await page.reload();
    await expect.poll(() => rowIds(page)).toEqual(expected.slice(25, 50));
    expect(page.url()).toBe(pageTwoUrl);
    await expect(page.getByRole("button", { name: /^Filter by status: Error/ })).toBeVisible();

    // Back returns to the first page.
    await page.goBack();
    await expect.poll(() => rowIds(page)).toEqual(expected.slice(0, 25));

    // 50 rows per page (a native select), kept in the URL.
    await page.getByRole("combobox", { name: "Rows per page" }).selectOption("50");
    await expect(page).toHaveURL(/size=50/);
    await expect.poll(() => rowIds(page)).toEqual(expected.slice(0, 50));
    await page.getByRole("combobox", { name: "Rows per page" }).selectOption("25");
    await expect.poll(() => rowIds(page)).toEqual(expected.slice(0, 25));

    // Export the whole filtered list, not just the page.
    await page.getByRole("button", { name: "Export" }).click();
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("menuitem", { name: "CSV" }).click(),
    ]);
    const file = await download.path();
    const lines = readFileSync(file, "utf8").trimEnd().split("\r\n");
    expect(lines[0]).toMatch(/^id,name,tenant_id/);
    expect(lines.length - 1).toBe(errorCount);
    expect(lines[1]!.split(",")[0]).toBe(expected[0]);
  });

  test("a support engineer finds one broken connection by searching its external reference", async ({ page }) => {
    const [target] = query<{ id: string; name: string; external_xref: string }>(
      "SELECT id, name, external_xref FROM connections WHERE needs_relink = 1 AND external_xref IS NOT NULL ORDER BY id LIMIT 1",
    );
    await page.goto("/connections");
    await page.getByRole("searchbox", { name: "Search connections" }).fill(target!.external_xref);
    await expect(page).toHaveURL(new RegExp(`q=${encodeURIComponent(target!.external_xref)}`));
    await expect(page.locator("tbody tr[data-row]").filter({ hasText: target!.id })).toBeVisible();
    await page.getByRole("button", { name: /^Filter by needs relink/ }).click();
    await page.getByRole("menuitemradio", { name: /^Yes/ }).click();
    await expect(page).toHaveURL(/relink=true/);
    await expect(page.locator("tbody tr[data-row]").filter({ hasText: target!.id })).toContainText("Needs relink");
    await page.screenshot({ path: shot("3-search"), fullPage: true });

    // Keyboard: focus the first row and open it with Enter.
    await page.locator("tbody tr[data-row]").first().focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/connections\/con_/);
  });
});

test.describe(() => {
  test.use({ signedInAs: "acmeAdmin" });

  test("filters that hide every row are named in the empty state; Acme's admin sees only Acme", async ({ page }) => {
    await page.goto("/connections?q=globex&status=pending");
    await expect(page.getByText("No connections match these filters")).toBeVisible();
    await expect(page.getByRole("button", { name: "Remove filter Search: “globex”" })).toBeVisible();
    await page.screenshot({ path: shot("4-empty"), fullPage: true });
    await page.getByRole("button", { name: "Clear all filters" }).click();
    await expect(page.locator("tbody tr[data-row]").first()).toBeVisible();
    const ids = await rowIds(page);
    const tenants = query<{ tenant_id: string }>(
      `SELECT DISTINCT tenant_id FROM connections WHERE id IN (${ids.map(() => "?").join(",")})`,
      ...ids,
    );
    expect(tenants.map((t) => t.tenant_id)).toEqual(["ten_acme"]);
    await expect(page.getByRole("button", { name: /^Filter by tenant/ })).toHaveCount(0);
  });
});
