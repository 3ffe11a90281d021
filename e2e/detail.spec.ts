import { expect, queryDb as query, test } from "./fixtures";

interface Run {
  id: string;
  job_id: string;
  source_parameters: string;
  destination_parameters: string;
}
interface ErrorRow {
  id: string;
  status_code: string;
  status_text: string;
  message: string;
}

/** A demo connection that needs relink and has active errors and at least three runs. */
function troubledConnection(tenant?: string) {
  const [row] = query<{ id: string; name: string }>(
    `SELECT c.id, c.name FROM connections c
      WHERE c.needs_relink = 1 AND c.open_error_count > 0 ${tenant ? "AND c.tenant_id = ?" : ""}
        AND (SELECT count(*) FROM connection_runs r WHERE r.connection_id = c.id) >= 3
      ORDER BY c.id LIMIT 1`,
    ...(tenant ? [tenant] : []),
  );
  if (!row) throw new Error("the demo seed has no connection with errors and runs");
  return row;
}

test.describe(() => {
  test.use({ signedInAs: "support" });

  test("support opens a troubled connection, reads an error, diffs two runs, and switches tabs by URL", async ({
    page,
  }) => {
    test.setTimeout(180_000); // many page loads; generous for a busy CI machine
    const c = troubledConnection();
    const [latestError] = query<ErrorRow>(
      "SELECT * FROM connection_errors WHERE connection_id = ? AND status = 'active' ORDER BY errored_at DESC, id DESC LIMIT 1",
      c.id,
    );
    const runs = query<Run>(
      "SELECT * FROM connection_runs WHERE connection_id = ? ORDER BY started_at DESC, id DESC",
      c.id,
    );
    await page.goto(`/connections/${c.id}`);

    // What is wrong, why, what to do: before any click.
    await expect(page.getByRole("heading", { level: 1, name: c.name })).toBeVisible();
    // Several callouts fold into one line (issue 14): open it to read each.
    const fold = page.getByRole("button", { name: /things need attention/ });
    if (await fold.isVisible()) await fold.click();
    const relink = page.getByRole("alert").filter({ hasText: "Needs relink" });
    await expect(relink).toContainText("Why:");
    await expect(relink).toContainText("What to do:");
    await page.screenshot({ path: "test-results/screens/detail-overview.png", fullPage: true });

    // Read an error: the tab carries the active count, the URL carries the tab.
    const errorsTab = page.getByRole("tab", { name: /^Errors/ });
    const active = Number(
      query<{ n: number }>(
        "SELECT count(*) AS n FROM connection_errors WHERE connection_id = ? AND status = 'active'",
        c.id,
      )[0]?.n,
    );
    await expect(errorsTab).toHaveAccessibleName(`Errors (${active} active)`);
    await errorsTab.click();
    await expect(page).toHaveURL(/\?tab=errors$/);
    const first = page.getByRole("article").first();
    await expect(first).toContainText(latestError!.status_code);
    await expect(first).toContainText(latestError!.status_text);
    await expect(first).toContainText(latestError!.message);
    await page.screenshot({ path: "test-results/screens/detail-errors.png", fullPage: true });

    // Tabs by URL: a fresh load opens the tab the URL names; nonsense falls back to the overview.
    await page.goto(`/connections/${c.id}?tab=runs`);
    await expect(page.getByRole("tab", { name: /^Runs/ })).toHaveAttribute("aria-selected", "true");
    await expect(page.getByRole("heading", { name: `Run history (${runs.length})` })).toBeVisible();

    // Diff the oldest run against the newest: the panel shows what changed, path by path.
    const [newest, oldest] = [runs[0]!, runs.at(-1)!];
    await page.getByRole("radio", { name: `Base: ${oldest.job_id}` }).check();
    await page.getByRole("radio", { name: `Target: ${newest.job_id}` }).check();
    const diff = page.getByRole("region", { name: "Parameter diff" });
    await expect(diff).toContainText(`Base:${oldest.job_id}`, { useInnerText: false });
    await expect(diff.getByText(newest.job_id)).toBeVisible();
    const before = JSON.parse(oldest.source_parameters) as { sheet: string; range: { to: string } };
    const after = JSON.parse(newest.source_parameters) as { sheet: string; range: { to: string } };
    if (before.range.to !== after.range.to) {
      const row = diff.getByRole("row").filter({ hasText: "range.to" });
      await expect(row).toContainText(before.range.to);
      await expect(row).toContainText(after.range.to);
    }
    // Open a run's parameters in the JSON viewer.
    await page.getByRole("button", { name: newest.job_id }).click();
    await expect(page.getByText(`"${after.sheet}"`).first()).toBeVisible();
    await page.screenshot({ path: "test-results/screens/detail-runs-diff.png", fullPage: true });

    await page.goto(`/connections/${c.id}?tab=nonsense`);
    await expect(page.getByRole("tab", { name: "Overview" })).toHaveAttribute("aria-selected", "true");
    await page.goto(`/connections/${c.id}?tab=auth`);
    await expect(page.getByTestId("auth-expiry")).toBeVisible();
    await page.screenshot({ path: "test-results/screens/detail-auth.png", fullPage: true });
    await page.getByRole("tab", { name: /^Activity/ }).click();
    await expect(page).toHaveURL(/\?tab=activity$/);
    await page.goBack();
    await expect(page.getByRole("tab", { name: "Auth" })).toHaveAttribute("aria-selected", "true");
  });

  test("a platform pause is shown apart from a console pause, with what it means", async ({ page }) => {
    const [c] = query<{ id: string; name: string; platform_paused_reason: string }>(
      "SELECT id, name, platform_paused_reason FROM connections WHERE platform_paused = 1 AND user_paused = 0 ORDER BY id LIMIT 1",
    );
    expect(c, "the demo seed has a platform-paused connection").toBeDefined();
    await page.goto(`/connections/${c!.id}?tab=auth`);
    const header = page.locator("header").filter({ has: page.getByRole("heading", { level: 1 }) });
    await expect(header.getByText("Platform-paused", { exact: true })).toBeVisible();
    await expect(header.getByText("Paused", { exact: true })).toHaveCount(0);
    const fold = page.getByRole("button", { name: /things need attention/ });
    if (await fold.isVisible()) await fold.click();
    const callout = page.getByRole("status").filter({ hasText: "Paused by Unified.to" });
    await expect(callout).toContainText(c!.platform_paused_reason);
    await expect(callout).toContainText("resuming here will not help");
    await page.screenshot({ path: "test-results/screens/detail-platform-paused.png", fullPage: true });
  });
});

test.describe(() => {
  test.use({ signedInAs: "acmeViewer" });

  test("a viewer sees the same page without actions; an unknown id is not found", async ({ page }) => {
    const c = troubledConnection("ten_acme");
    await page.goto(`/connections/${c.id}?tab=errors`);
    await expect(page.getByRole("heading", { level: 1, name: c.name })).toBeVisible();
    await expect(page.getByRole("article").first()).toBeVisible();
    await expect(page.getByRole("button", { name: /^Resolve/ })).toHaveCount(0);
    await expect(page.getByRole("checkbox")).toHaveCount(0);
    await page.screenshot({ path: "test-results/screens/detail-viewer-errors.png", fullPage: true });
    await page.goto("/connections/con_does_not_exist");
    await expect(page.getByRole("heading", { name: "Connection not found" })).toBeVisible();
  });
});
