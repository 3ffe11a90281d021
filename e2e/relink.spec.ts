// The customer's relink, end to end: an admin creates a link in the console, a browser with
// no session opens it, consents at the sandbox provider, and the connection is active again.
import { expect, queryDb as query, test } from "./fixtures";

// Two browsers, a provider round trip and several server renders: more than the default minute on a busy machine.
test.describe.configure({ timeout: 180_000 });
test.use({ signedInAs: "acmeAdmin" });

/** An Acme connection that needs relink through the sandbox provider (from the end of the list, to stay clear of other specs). */
function brokenAcmeConnection(skip: number) {
  const [row] = query<{ id: string; name: string; status: string; display_name: string }>(
    `SELECT c.id, c.name, c.status, i.display_name FROM connections c JOIN integrations i ON i.provider = c.provider
      WHERE c.tenant_id = 'ten_acme' AND c.needs_relink = 1 AND c.user_paused = 0 AND i.use_sandbox = 1
      ORDER BY c.id DESC LIMIT 1 OFFSET ?`,
    skip,
  );
  if (!row) throw new Error("no Acme connection needs relink in the demo data");
  return row;
}

async function createLinkInUi(
  page: import("@playwright/test").Page,
  connectionId: string,
  recipient: string,
): Promise<string> {
  await page.goto(`/connections/${connectionId}?tab=relink`);
  const panel = page.getByRole("tabpanel");
  await panel.getByRole("button", { name: "Create relink link" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Recipient email (optional)").fill(recipient);
  await dialog.getByRole("button", { name: "Create link" }).click();
  await expect(dialog.getByRole("heading", { name: "Relink link created" })).toBeVisible();
  await expect(dialog.getByRole("img", { name: "QR code of the relink link" })).toBeVisible();
  const url = await dialog.getByLabel("Relink URL").inputValue();
  expect(url).toMatch(/\/link\/[A-Za-z0-9_-]{43}$/);
  return url;
}

test("a customer without an account re-authorises a connection through a relink link", async ({ page, browser }) => {
  const c = brokenAcmeConnection(0);
  const url = await createLinkInUi(page, c.id, "owner@customer.test");
  await page.screenshot({ path: "test-results/screens/relink-create-dialog.png" });
  const token = url.split("/link/")[1] ?? "";
  // Only a hash is stored.
  expect(
    query("SELECT id FROM relink_links WHERE token_hash = ? OR token_hash LIKE ?", token, `%${token}%`),
  ).toHaveLength(0);
  await page.getByRole("dialog").getByRole("button", { name: "Done" }).click();
  await expect(page.getByRole("tabpanel").getByRole("table", { name: "Relink links" })).toContainText(
    "owner@customer.test",
  );

  const customerContext = await browser.newContext();
  const customer = await customerContext.newPage();
  const response = await customer.goto(new URL(url).pathname);
  expect(response?.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(response?.headers()["x-frame-options"]).toBe("DENY");
  await expect(customer.getByRole("heading", { level: 1, name: `Reconnect ${c.display_name}` })).toBeVisible();
  await expect(customer.getByText("Acme Corporation").first()).toBeVisible();
  const publicText = await customer.locator("body").innerText();
  expect(publicText).not.toContain(c.id);
  expect(publicText).not.toMatch(/con_|rl_|ten_/);
  await customer.screenshot({ path: "test-results/screens/relink-public-page.png", fullPage: true });
  expect(
    query<{ opened_at: string | null }>(
      "SELECT opened_at FROM relink_links WHERE connection_id = ? ORDER BY created_at DESC LIMIT 1",
      c.id,
    )[0]?.opened_at,
  ).not.toBeNull();

  await customer.getByRole("button", { name: `Reconnect ${c.display_name}` }).click();
  await expect(customer).toHaveURL(/\/sandbox-oauth\/authorize\?/);
  await expect(
    customer.getByRole("heading", { name: `Allow access to your ${c.display_name} account?` }),
  ).toBeVisible();
  await customer.screenshot({ path: "test-results/screens/relink-sandbox-consent.png", fullPage: true });
  await customer.getByRole("button", { name: "Approve", exact: true }).click();
  await expect(customer.getByRole("heading", { name: "You're reconnected" })).toBeVisible();
  await customer.screenshot({ path: "test-results/screens/relink-result.png", fullPage: true });

  const [row] = query<{ status: string; needs_relink: number; credentials_encrypted: string; auth_expires_at: string }>(
    "SELECT status, needs_relink, credentials_encrypted, auth_expires_at FROM connections WHERE id = ?",
    c.id,
  );
  expect(row).toMatchObject({ status: "active", needs_relink: 0 });
  expect(row?.credentials_encrypted).toMatch(/^v1\./);
  expect(Date.parse(row?.auth_expires_at ?? "")).toBeGreaterThan(Date.now());
  const events = query<{ action: string; actor_id: string }>(
    "SELECT action, actor_id FROM audit_events WHERE connection_id = ? AND action = 'connection.relinked'",
    c.id,
  );
  expect(events).toHaveLength(1);
  expect(events[0]?.actor_id).toMatch(/^link:rl_/);
  expect(
    query("SELECT id FROM connection_errors WHERE connection_id = ? AND status = 'active' AND is_auth_error = 1", c.id),
  ).toHaveLength(0);

  // The console shows the connection active, with the relink in its activity.
  await page.goto(`/connections/${c.id}?tab=activity`);
  await expect(page.locator("header, main").getByText("Active", { exact: true }).first()).toBeVisible();
  await expect(page.getByRole("tabpanel")).toContainText("Customer relinked");
  await page.screenshot({ path: "test-results/screens/relink-console-after.png", fullPage: true });

  // Reopening the link: already used, and nothing changes.
  await customer.goto(new URL(url).pathname);
  await expect(customer.getByRole("heading", { name: "This link has already been used" })).toBeVisible();
  await expect(customer.getByRole("button")).toHaveCount(0);
  await customerContext.close();
});

test("a denial leaves the link usable; revoked and unknown links each say so", async ({ page, browser }) => {
  const c = brokenAcmeConnection(1);
  const url = await createLinkInUi(page, c.id, "someone@customer.test");
  await page.keyboard.press("Escape");
  const customerContext = await browser.newContext();
  const customer = await customerContext.newPage();
  await customer.goto(new URL(url).pathname);
  await customer.getByRole("button", { name: /^Reconnect / }).click();
  await customer.getByRole("button", { name: "Deny" }).click();
  await expect(customer.getByRole("alert").filter({ hasText: "You chose not to allow access" })).toBeVisible();
  await expect(customer.getByRole("button", { name: "Try again" })).toBeVisible();
  await customer.screenshot({ path: "test-results/screens/relink-denied.png", fullPage: true });
  const [link] = query<{ used_at: string | null }>(
    "SELECT used_at FROM relink_links WHERE connection_id = ? ORDER BY created_at DESC LIMIT 1",
    c.id,
  );
  expect(link?.used_at).toBeNull();
  expect(query<{ status: string }>("SELECT status FROM connections WHERE id = ?", c.id)[0]?.status).toBe(c.status);

  // The admin revokes it; the customer's page now says the link was cancelled.
  await page.goto(`/connections/${c.id}?tab=relink`);
  await page.getByRole("tabpanel").getByRole("button", { name: "Revoke" }).first().click();
  await expect(page.getByRole("tabpanel").getByText("revoked").first()).toBeVisible();
  await customer.goto(new URL(url).pathname);
  await expect(customer.getByRole("heading", { name: "This link has been cancelled" })).toBeVisible();
  await customer.goto(`/link/${"x".repeat(43)}`);
  await expect(customer.getByRole("heading", { name: "We don't recognise this link" })).toBeVisible();
  await customerContext.close();

  // The ledger across connections shows the link, filtered by state in the URL.
  await page.goto("/relink?state=revoked");
  await expect(page.getByRole("heading", { level: 1, name: "Relink" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Relink ledger" })).toContainText("someone@customer.test");
  await page.screenshot({ path: "test-results/screens/relink-ledger.png", fullPage: true });
});
