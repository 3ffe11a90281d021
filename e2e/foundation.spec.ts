import { DEMO_PASSWORD, expect, queryDb as query, test, USERS } from "./fixtures";

test("wrong credentials get a clear message", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill(USERS.support);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "incorrect" })).toHaveText("Email or password is incorrect.");
  await expect(page).toHaveURL(/\/login/);
});

test("signed-out visitors are sent to sign in", async ({ page }) => {
  await page.goto("/connections");
  await expect(page).toHaveURL(/\/login/);
});

// The account menu signs out by next-auth's endpoint with a CSRF token (components/shell/sign-out.ts,
// not next-auth/react): the session cookie goes and the console is closed to this browser again.
test("signing out from the account menu ends the session", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill(USERS.support);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/:\d+\/$/, { timeout: 45_000 });
  await page.getByRole("button", { name: /^Account:/ }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  const cookies = await page.context().cookies();
  expect(cookies.filter((c) => c.name.includes("session-token"))).toEqual([]);
  await page.goto("/connections");
  await expect(page).toHaveURL(/\/login/);
});

test.describe(() => {
  test.use({ signedInAs: "support" });

  test("support sees connections of several tenants", async ({ page }) => {
    await page.goto("/connections");
    await expect(page.getByRole("heading", { name: "Connections" })).toBeVisible();
    // Oldest first: other specs change rows (and so their update times), never creation times.
    await page.goto("/connections?sort=created_at&dir=asc&size=100");
    const tenantHeader = page.getByRole("columnheader", { name: "Tenant" });
    await expect(tenantHeader).toBeVisible();
    const ids = await page.locator("tbody tr[data-row] td:nth-child(2) .conn-id").allTextContents();
    expect(ids.length).toBe(100);
    const shown = new Set(
      await page
        .locator("tbody tr[data-row] td")
        .filter({ hasText: /^(Acme Corporation|Globex|Initech|Umbrella Health|Hooli|Wayne Enterprises)$/ })
        .allTextContents(),
    );
    const inDb = query<{ tenant_id: string }>(
      `SELECT DISTINCT tenant_id FROM connections WHERE id IN (${ids.map(() => "?").join(",")})`,
      ...ids,
    );
    expect(inDb.length).toBeGreaterThan(1);
    expect(shown.size).toBe(inDb.length);
    await page.screenshot({ path: "test-results/screens/connections-support.png", fullPage: false });
  });
});

test.describe(() => {
  test.use({ signedInAs: "acmeAdmin" });

  test("Acme's admin sees only Acme and gets not-found for a Globex connection", async ({ page }) => {
    await page.goto("/connections");
    await expect(page.getByRole("button", { name: /Account: admin@acme/ })).toBeVisible();
    const ids = await page.locator("tbody tr[data-row] td:nth-child(2) .conn-id").allTextContents();
    expect(ids.length).toBeGreaterThan(0);
    const tenants = query<{ tenant_id: string }>(
      `SELECT DISTINCT tenant_id FROM connections WHERE id IN (${ids.map(() => "?").join(",")})`,
      ...ids,
    );
    expect(tenants.map((t) => t.tenant_id)).toEqual(["ten_acme"]);

    const [globex] = query<{ id: string }>("SELECT id FROM connections WHERE tenant_id = 'ten_globex' LIMIT 1");
    expect(globex).toBeDefined();
    await page.goto(`/connections/${globex!.id}`);
    await expect(page.getByRole("heading", { name: "Connection not found" })).toBeVisible();
    await page.screenshot({ path: "test-results/screens/not-found.png" });
  });
});
