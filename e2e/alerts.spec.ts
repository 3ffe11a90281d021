// Alerts in a real browser: support creates a "connection starts needing relink" rule with the
// bell (after the form refuses an empty name with a readable reason), a connection is made to
// need relink through the ingest API, the bell shows it unread, and its link opens the connection.
// Screenshots in both themes, as support, a tenant admin and a viewer.
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { expect, queryDb, test } from "./fixtures";

const shot = (name: string) => `test-results/screens/alerts-${name}.png`;
test.describe.configure({ timeout: 240_000 });

async function trpcMutation<T>(page: Page, procedure: string, input: unknown): Promise<T> {
  const response = await page.request.post(`/api/trpc/${procedure}`, {
    headers: { "content-type": "application/json" },
    data: { json: input },
  });
  expect(response.status(), await response.text()).toBe(200);
  return ((await response.json()) as { result: { data: { json: T } } }).result.data.json;
}

const codat = JSON.parse(
  readFileSync(path.resolve("server/adapters/fixtures/vendor/codat-connection-example-6.json"), "utf8"),
) as Record<string, unknown>;

test.describe("alert rules and the bell", () => {
  test.use({ signedInAs: "support" });

  test("a relink rule with the bell: the bell shows the connection and its link opens it", async ({ page }) => {
    const ruleName = `Relink watch ${Date.now().toString(36)}`;
    await page.goto("/alerts");
    await expect(page.getByRole("heading", { name: "Alerts", level: 1 })).toBeVisible();

    await page.getByRole("button", { name: "New rule" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByRole("button", { name: "Create rule" }).click();
    await expect(dialog.getByTestId("rule-errors")).toContainText("Name: give the rule a name.");
    await dialog.getByLabel("Name").fill(ruleName);
    await expect(dialog.getByLabel("When")).toContainText("A connection starts needing relink");
    await expect(dialog.getByLabel("Notification bell in the console")).toBeChecked();
    await page.screenshot({ path: shot("new-rule-light") });
    await dialog.getByRole("button", { name: "Create rule" }).click();
    await expect(dialog).toBeHidden();
    const row = page.getByTestId("alert-rule-row").filter({ hasText: ruleName });
    await expect(row).toContainText("Starts needing relink");
    await expect(row).toContainText("Every tenant");
    await expect(row).toContainText("Bell");

    // A connection starts needing relink: the platform reports it deauthorized through ingest.
    const { key } = await trpcMutation<{ key: string }>(page, "apiKeys.create", {
      name: "alerts e2e",
      platform: "codat",
      tenantId: "ten_acme",
    });
    const platformId = randomUUID();
    const connectionName = `Alerts e2e ${platformId.slice(0, 8)}`;
    const response = await page.request.post("/api/ingest/connections?format=codat", {
      headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
      data: [{ ...codat, id: platformId, platformName: connectionName, status: "Deauthorized" }],
    });
    expect(response.status(), await response.text()).toBe(200);
    const [connection] = queryDb<{ id: string; name: string; needs_relink: number }>(
      "SELECT id, name, needs_relink FROM connections WHERE platform_id = ?",
      platformId,
    );
    expect(connection?.needs_relink).toBe(1);
    // The ingest nudges the alert worker; its notification lands within moments.
    await expect
      .poll(
        () =>
          queryDb<{ n: number }>(
            `SELECT count(*) AS n FROM alert_notifications n JOIN alert_rules r ON r.id = n.rule_id
             WHERE r.name = ? AND n.connection_id = ?`,
            ruleName,
            connection?.id,
          )[0]?.n,
        { timeout: 30_000 },
      )
      .toBe(1);

    await page.reload();
    const bell = page.getByTestId("notification-bell");
    await expect(bell).toHaveAccessibleName(/Notifications, \d+ unread/, { timeout: 35_000 });
    await bell.click();
    const item = page.getByTestId("notification-item").filter({ hasText: connection?.name ?? "" });
    await expect(item).toContainText("needs relink");
    await expect(item).toContainText(ruleName);
    await page.screenshot({ path: shot("bell-light") });
    await page.emulateMedia({ colorScheme: "dark" });
    await page.screenshot({ path: shot("bell-dark") });
    await item.click();
    await expect(page).toHaveURL(new RegExp(`/connections/${connection?.id}$`));
    await expect(page.getByRole("heading", { level: 1 })).toContainText(connection?.name ?? "");
    // Opening it marked it read.
    await expect
      .poll(
        () =>
          queryDb<{ n: number }>(
            `SELECT count(*) AS n FROM alert_notification_reads r JOIN alert_notifications n ON n.id = r.notification_id
           WHERE n.connection_id = ?`,
            connection?.id,
          )[0]?.n,
      )
      .toBeGreaterThanOrEqual(1);

    await page.goto("/alerts");
    await expect(page.getByRole("table", { name: "Recent firings" })).toContainText(connection?.name ?? "");
    await page.screenshot({ path: shot("page-support-dark"), fullPage: true });
    // A fresh load in the other theme: a screenshot mid-transition would mix both.
    await page.emulateMedia({ colorScheme: "light" });
    await page.reload();
    await expect(page.getByRole("table", { name: "Recent firings" })).toContainText(connection?.name ?? "");
    await page.screenshot({ path: shot("page-support-light"), fullPage: true });
  });
});

for (const user of ["acmeAdmin", "acmeViewer"] as const) {
  test.describe(() => {
    test.use({ signedInAs: user });
    test(`the alerts page as ${user}`, async ({ page }) => {
      await page.goto("/alerts");
      await expect(page.getByRole("heading", { name: "Alerts", level: 1 })).toBeVisible();
      if (user === "acmeViewer") await expect(page.getByRole("button", { name: "New rule" })).toHaveCount(0);
      else await expect(page.getByRole("button", { name: "New rule" })).toBeVisible();
      await page.screenshot({ path: shot(`page-${user}-light`), fullPage: true });
      await page.emulateMedia({ colorScheme: "dark" });
      await page.reload();
      await expect(page.getByRole("heading", { name: "Alerts", level: 1 })).toBeVisible();
      await page.screenshot({ path: shot(`page-${user}-dark`), fullPage: true });
    });
  });
}
