// The console as people use it: the support engineer's triage task in a few clicks, the health
// score explained, bulk safety, the audit log in words, keyboard shortcuts, phone widths, the
// viewer's read-only pages, the customer's consent copy; and screenshots of each, both themes.
import { copyFileSync, mkdirSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import type { Locator, Page } from "@playwright/test";
import { checkWhenHydrated, expect, queryDb as query, test } from "./fixtures";

test.describe.configure({ timeout: 240_000 });

const shot = (name: string) => `test-results/screens/ux-${name}.png`;
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };
/** Each row's connection id (the first monospace text in the row). */
const rowIds = (page: Page) =>
  page
    .locator("tbody tr[data-row]")
    .evaluateAll((rows) => rows.map((r) => r.querySelector("td .conn-id")?.textContent ?? ""));

/** Screenshots of one page in both themes at desktop and phone widths. */
async function screens(page: Page, path: string, name: string, ready: (page: Page) => Promise<void>) {
  for (const theme of ["light", "dark"] as const) {
    for (const [size, viewport] of [
      ["desktop", DESKTOP],
      ["phone", PHONE],
    ] as const) {
      await page.setViewportSize(viewport);
      await page.emulateMedia({ colorScheme: theme });
      await page.goto(path);
      await ready(page);
      await page.screenshot({ path: shot(`${name}-${theme}-${size}`) });
    }
  }
  await page.setViewportSize(DESKTOP);
  await page.emulateMedia({ colorScheme: "light" });
}

const rowsShown = async (page: Page) => {
  await expect(page.locator("tbody tr[data-row]").first()).toBeVisible();
};
const h1Shown = async (page: Page) => {
  await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
};

test.describe(() => {
  test.use({ signedInAs: "support" });

  test("triage: Acme's worst connection found, understood and sent a relink link in six clicks", async ({ page }) => {
    let clicks = 0;
    const click = async (target: Locator) => {
      clicks++;
      await target.click();
    };
    const started = Date.now();
    await page.goto("/connections");
    await rowsShown(page);
    await click(page.getByRole("button", { name: /^Filter by tenant/ }));
    await click(page.getByRole("menuitemcheckbox", { name: /^Acme Corporation/ }));
    await page.keyboard.press("Escape");
    await click(page.getByRole("button", { name: "Open errors: sort descending" }));
    await expect(page).toHaveURL(/sort=open_error_count/);

    const acme = query<{ n: number }>("SELECT count(*) AS n FROM connections WHERE tenant_id = 'ten_acme'")[0]?.n ?? -1;
    await expect(page.getByTestId("match-count")).toHaveText(`${acme.toLocaleString("en-US")} matching`);
    const worst = query<{ id: string; name: string; open_error_count: number }>(
      "SELECT id, name, open_error_count FROM connections WHERE tenant_id = 'ten_acme' ORDER BY open_error_count DESC, id DESC LIMIT 1",
    )[0];
    expect(worst).toBeDefined();
    await expect.poll(async () => (await rowIds(page))[0]).toBe(worst!.id);

    // The score explains itself on keyboard focus, not only on hover.
    const first = page.locator("tbody tr[data-row]").first();
    await first.getByRole("button", { name: /^Health \d+ of 100/ }).focus();
    await expect(page.getByRole("tooltip")).toContainText("Open errors:");
    await page.screenshot({ path: shot("triage-list-health-tooltip") });

    await click(first.getByRole("link", { name: worst!.name }));
    await expect(page.getByRole("heading", { level: 1, name: worst!.name })).toBeVisible();
    await expect(page).toHaveTitle(`${worst!.name} · Connections console`);
    await expect(page.getByRole("heading", { name: /^Health: \d+\/100$/ })).toBeVisible();
    const needsRelink = query<{ needs_relink: number }>(
      "SELECT needs_relink FROM connections WHERE id = ?",
      worst!.id,
    )[0];
    if (needsRelink?.needs_relink) {
      // The relink button sits on the callout line (or in the single callout): no tab to find.
      await click(
        page.getByRole("region", { name: "Needs attention" }).getByRole("button", { name: "Create relink link" }),
      );
      const dialog = page.getByRole("dialog");
      await click(dialog.getByRole("button", { name: "Create link" }));
      await expect(dialog.getByRole("heading", { name: "Relink link created" })).toBeVisible();
      await expect(dialog).toContainText("UTC");
      await page.screenshot({ path: shot("triage-link-created") });
      await dialog.getByRole("button", { name: "Done" }).click();
      // Back in the list, the row says a link is out, so nobody sends a second one.
      await page.goBack();
      await expect(page.locator("tbody tr[data-row]").first()).toContainText("Link sent");
    }
    expect(clicks).toBeLessThanOrEqual(6);
    console.log(`[ux] triage: ${clicks} clicks, ${((Date.now() - started) / 1000).toFixed(1)} s of browser time`);
  });

  test("the list's search finds connections by their error's code: invalid_grant", async ({ page }) => {
    const failing = query<{ id: string }>(
      "SELECT DISTINCT connection_id AS id FROM connection_errors WHERE status = 'active' AND message LIKE '%invalid_grant%'",
    ).map((r) => r.id);
    expect(failing.length).toBeGreaterThan(0);
    await page.goto("/connections?size=100");
    await rowsShown(page);
    await page.getByRole("searchbox", { name: "Search connections" }).fill("invalid_grant");
    await expect(page).toHaveURL(/q=invalid_grant/);
    // Counting through every error's text takes a while on a busy machine.
    await expect(page.getByTestId("match-count")).toHaveText(`${failing.length.toLocaleString("en-US")} matching`, {
      timeout: 30_000,
    });
    await expect.poll(async () => (await rowIds(page)).filter((id) => !failing.includes(id))).toEqual([]);
    expect((await rowIds(page)).length).toBe(Math.min(failing.length, 100));
  });

  test("the detail callout names the newest error and folds several callouts into one line", async ({ page }) => {
    const [c] = query<{ id: string }>(
      "SELECT id FROM connections WHERE needs_relink = 1 AND open_error_count >= 2 AND user_paused = 0 ORDER BY id LIMIT 1",
    );
    expect(c).toBeDefined();
    const [newest] = query<{ status_code: string; message: string }>(
      "SELECT status_code, message FROM connection_errors WHERE connection_id = ? AND status = 'active' ORDER BY errored_at DESC, id DESC LIMIT 1",
      c!.id,
    );
    await page.goto(`/connections/${c!.id}`);
    const summary = page.getByRole("button", { name: /things need attention/ });
    await expect(summary).toHaveAttribute("aria-expanded", "false");
    // The tabs stay above the fold at 900 px.
    const tabs = await page.getByRole("tablist").boundingBox();
    expect(tabs && tabs.y + tabs.height).toBeLessThan(900);
    await summary.click();
    await expect(page.getByRole("alert").filter({ hasText: /active errors?/ })).toContainText(
      `Latest: ${newest!.status_code}`,
    );
    await expect(page.getByRole("alert").filter({ hasText: /active errors?/ })).toContainText(newest!.message);
    await page.screenshot({ path: shot("detail-callouts-open") });
  });

  test("a paused connection shows one state, not Active and Paused side by side", async ({ page }) => {
    const [c] = query<{ id: string }>(
      "SELECT id FROM connections WHERE user_paused = 1 AND platform_paused = 0 AND status = 'active' ORDER BY id LIMIT 1",
    );
    expect(c).toBeDefined();
    await page.goto(`/connections/${c!.id}`);
    const header = page.locator("header").filter({ has: page.getByRole("heading", { level: 1 }) });
    await expect(header.locator("span").getByText("Paused", { exact: true })).toBeVisible();
    await expect(header.getByText("When resumed")).toBeVisible();
    const badges = header.locator("h1 ~ span");
    await expect(badges.getByText("Active", { exact: true })).toHaveCount(0);
  });

  test("bulk pause of all matching says how many, names the first few, and past 100 wants the count typed", async ({
    page,
  }) => {
    const active = query<{ n: number }>("SELECT count(*) AS n FROM connections WHERE status = 'active'")[0]?.n ?? 0;
    expect(active).toBeGreaterThan(100);
    await page.goto("/connections?status=active");
    await rowsShown(page);
    await checkWhenHydrated(page.locator("tbody tr[data-row]").first().getByRole("checkbox"));
    await page
      .getByRole("toolbar", { name: "Bulk actions" })
      .getByRole("button", { name: "Pause all matching" })
      .click();
    const dialog = page.getByRole("dialog", { name: "Pause connections?" });
    await expect(dialog).toContainText(`${active.toLocaleString("en-US")} connections`);
    await expect(dialog.getByRole("listitem")).toHaveCount(5);
    await dialog.getByLabel("Reason").fill("checking the safety net");
    const pause = dialog.getByRole("button", { name: "Pause", exact: true });
    await expect(pause).toBeDisabled();
    await dialog.getByLabel(`Type ${active.toLocaleString("en-US")} to confirm`).fill(String(active - 1));
    await expect(pause).toBeDisabled();
    await dialog.getByLabel(`Type ${active.toLocaleString("en-US")} to confirm`).fill(String(active));
    await expect(pause).toBeEnabled();
    await page.screenshot({ path: shot("bulk-type-to-confirm") });
    await dialog.getByRole("button", { name: "Cancel" }).click();
    expect(
      query<{ n: number }>("SELECT count(*) AS n FROM audit_events WHERE note = 'checking the safety net'")[0]?.n,
    ).toBe(0);
  });

  test("the audit log reads in words: labels, local times with UTC on focus, a bulk run as one entry", async ({
    page,
  }) => {
    // A bulk pause of two ticked rows, so the log has a run to show.
    await page.goto("/connections?status=pending&sort=created_at&dir=asc");
    await rowsShown(page);
    const boxes = page.locator("tbody tr[data-row]").getByRole("checkbox");
    await checkWhenHydrated(boxes.nth(0));
    await checkWhenHydrated(boxes.nth(1));
    await page.getByRole("toolbar", { name: "Bulk actions" }).getByRole("button", { name: "Pause selected" }).click();
    const dialog = page.getByRole("dialog", { name: "Pause connections?" });
    await dialog.getByLabel("Reason").fill("ux spec bulk run");
    await dialog.getByRole("button", { name: "Pause", exact: true }).click();
    await expect(page.getByRole("status").filter({ hasText: /Done:/ })).toBeVisible({ timeout: 30_000 });

    await page.goto("/audit");
    const run = page.getByRole("button", { name: /Paused connection: 2 connections/ });
    await expect(run).toBeVisible();
    await run.click();
    await expect(run).toHaveAttribute("aria-expanded", "true");
    await expect(page.locator("tbody tr").filter({ hasText: "ux spec bulk run" })).toHaveCount(3);
    const table = page.getByRole("table", { name: "Audit log" });
    await expect(table).not.toContainText("→ null");
    await expect(table).not.toContainText("— →");
    await expect(table).not.toContainText("user_paused");
    await table.locator("time").first().focus();
    await expect(page.getByRole("tooltip")).toContainText("UTC");
    await page.screenshot({ path: shot("audit-bulk-open"), fullPage: false });

    // Filters are the table's own components and apply at once: no Apply button.
    await expect(page.getByRole("button", { name: "Apply" })).toHaveCount(0);
    await page.getByRole("button", { name: /^Filter by action/ }).click();
    await page.getByRole("menuitemcheckbox", { name: "Paused connection" }).click();
    await page.keyboard.press("Escape");
    await expect(page).toHaveURL(/action=connection\.pause/);
  });

  test("keyboard: / focuses search, ? lists shortcuts, Ctrl+K goes and acts, j/k walk rows; a 404 keeps the shell", async ({
    page,
  }) => {
    await page.goto("/connections");
    await rowsShown(page);
    await expect(page).toHaveTitle("Connections · Connections console");
    await page.locator("body").click({ position: { x: 5, y: 300 } });
    await page.keyboard.press("/");
    await expect(page.getByRole("searchbox", { name: "Search connections" })).toBeFocused();
    await page.keyboard.press("Escape");
    await page.locator("h1").click();
    await page.keyboard.press("?");
    await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toBeVisible();
    await page.screenshot({ path: shot("shortcuts") });
    await page.keyboard.press("Escape");

    const [c] = query<{ id: string; name: string }>("SELECT id, name FROM connections ORDER BY id DESC LIMIT 1");
    await page.keyboard.press("Control+k");
    const palette = page.getByRole("dialog", { name: "Go to…" });
    await palette.getByRole("combobox", { name: "Go to" }).fill(c!.id);
    await expect(palette.getByRole("option", { name: new RegExp(c!.name.replace(/[()]/g, ".")) })).toBeVisible();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(new RegExp(`/connections/${c!.id}`));
    await expect(page.getByRole("heading", { level: 1, name: c!.name })).toBeVisible();

    // The palette also runs the page's own actions: here, pausing this connection.
    const paused = query<{ user_paused: number }>("SELECT user_paused FROM connections WHERE id = ?", c!.id)[0];
    const verb = paused?.user_paused ? "Resume" : "Pause";
    await page.keyboard.press("Control+k");
    await palette.getByRole("combobox", { name: "Go to" }).fill(verb.toLowerCase());
    const action = palette.getByRole("option", { name: new RegExp(`^${verb} this connection`) });
    await expect(action).toContainText("This page");
    await page.screenshot({ path: shot("palette-action") });
    if (verb === "Pause") {
      await page.keyboard.press("Enter");
      await expect(page.getByRole("dialog", { name: `Pause ${c!.name}?` })).toBeVisible();
      await page.keyboard.press("Escape");
    }

    // j and k walk the rows of the page's table from anywhere on the page; Enter opens one.
    await page.goto("/connections");
    await rowsShown(page);
    const ids = await rowIds(page);
    await page.locator("h1").click();
    await page.keyboard.press("j");
    await expect(page.locator("tbody tr[data-row]").nth(0)).toBeFocused();
    await page.keyboard.press("j");
    await page.keyboard.press("j");
    await page.keyboard.press("k");
    await expect(page.locator("tbody tr[data-row]").nth(1)).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(new RegExp(`/connections/${ids[1]}$`));
    await page.goto("/errors");
    await h1Shown(page);
    await page.locator("h1").click();
    await page.keyboard.press("j");
    await page.keyboard.press("j");
    const second = page.locator("main tbody tr").nth(1).getByRole("link").first();
    await expect(second).toBeFocused();
    const href = await second.getAttribute("href");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(new RegExp(`${href}$`));

    await page.goto("/no-such-page");
    await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
    await expect(page.getByRole("button", { name: /^Account:/ })).toBeVisible();
    const icon = await page.request.get("/favicon.ico");
    expect(icon.status()).toBe(200);
  });

  test("pages, scripts, styles and data travel compressed", async ({ page }) => {
    await page.goto("/connections");
    await rowsShown(page);
    const assets = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLScriptElement | HTMLLinkElement>("script[src], link[rel=stylesheet]")].map(
        (el) => (el instanceof HTMLScriptElement ? el.src : el.href),
      ),
    );
    expect(assets.length).toBeGreaterThan(3);
    const list = `/api/trpc/connections.list?input=${encodeURIComponent(JSON.stringify({ json: { limit: 25 } }))}`;
    let compressed = 0;
    for (const url of ["/connections", list, ...assets]) {
      const res = await page.request.get(url, { headers: { "Accept-Encoding": "br, gzip" } });
      expect(res.status(), url).toBe(200);
      // Below 1 KB a response goes as it is (Next's threshold: compressing it saves nothing).
      if ((await res.body()).length < 1024) continue;
      expect(res.headers()["content-encoding"], url).toMatch(/^(br|gzip)$/);
      compressed++;
    }
    expect(compressed).toBeGreaterThan(3);
  });

  test("phone: no sideways page scroll at 360 px, the table scrolls in its frame with the name kept, the menu opens", async ({
    page,
  }) => {
    await page.setViewportSize({ width: 360, height: 780 });
    const id = query<{ id: string }>("SELECT id FROM connections WHERE open_error_count > 0 ORDER BY id LIMIT 1")[0]
      ?.id;
    for (const path of [
      "/",
      "/connections",
      `/connections/${id}`,
      `/connections/${id}?tab=runs`,
      "/audit",
      "/relink",
      "/errors",
    ]) {
      await page.goto(path);
      await h1Shown(page);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width, path).toBeLessThanOrEqual(360);
    }
    await page.goto("/connections");
    await rowsShown(page);
    const frame = page.locator("table").first().locator("xpath=..");
    const name = page.locator("tbody tr[data-row]").first().locator("td").nth(1);
    const before = await name.boundingBox();
    await frame.evaluate((el) => el.scrollBy({ left: 400 }));
    await expect.poll(() => frame.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
    const after = await name.boundingBox();
    expect(after?.x).toBe(before?.x);
    await page.screenshot({ path: shot("phone-table-scrolled") });
    await page.getByRole("button", { name: "Menu" }).click();
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Audit log" })).toBeVisible();
    await page.screenshot({ path: shot("phone-menu") });
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Audit log" }).click();
    await expect(page).toHaveURL(/\/audit/);
    await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
  });

  // The README's screens, at a size that reads on GitHub. UPDATE_SCREENS=1 copies them to
  // docs/screens (kept out of ordinary runs: relative times change every run).
  test("screens for the README", async ({ page }) => {
    const broken = query<{ id: string }>(
      "SELECT id FROM connections WHERE tenant_id = 'ten_acme' AND needs_relink = 1 AND open_error_count > 1 ORDER BY open_error_count DESC, id LIMIT 1",
    )[0]?.id;
    expect(broken).toBeDefined();
    const readme: [string, string, "light" | "dark", { width: number; height: number }, (p: Page) => Promise<void>][] =
      [
        ["connections", "/connections?sort=open_error_count", "light", { width: 1280, height: 800 }, rowsShown],
        ["detail", `/connections/${broken}`, "light", { width: 1280, height: 800 }, h1Shown],
        ["home", "/", "light", { width: 1280, height: 800 }, h1Shown],
        ["error-groups", "/errors", "light", { width: 1280, height: 800 }, h1Shown],
        ["phone", "/connections?sort=open_error_count", "light", { width: 390, height: 844 }, rowsShown],
        ["detail-errors-dark", `/connections/${broken}?tab=errors`, "dark", { width: 1280, height: 800 }, h1Shown],
      ];
    for (const [name, path, theme, viewport, ready] of readme) {
      await page.setViewportSize(viewport);
      await page.emulateMedia({ colorScheme: theme, reducedMotion: "reduce" });
      await page.goto(path);
      await ready(page);
      await page.waitForLoadState("networkidle");
      await page.screenshot({ path: shot(`readme-${name}`) });
      if (process.env.UPDATE_SCREENS) {
        mkdirSync("docs/screens", { recursive: true });
        copyFileSync(shot(`readme-${name}`), `docs/screens/${name}.png`);
      }
    }
  });

  test("screens: support", async ({ page }) => {
    const id = query<{ id: string }>(
      "SELECT id FROM connections WHERE needs_relink = 1 AND open_error_count > 0 ORDER BY id LIMIT 1",
    )[0]?.id;
    await screens(page, "/connections?sort=open_error_count", "support-connections", rowsShown);
    await screens(page, `/connections/${id}`, "support-detail", h1Shown);
    await screens(page, "/audit", "support-audit", h1Shown);
    await screens(page, "/relink", "support-relink", h1Shown);
  });
});

test.describe(() => {
  test.use({ signedInAs: "acmeAdmin" });

  test("screens: tenant admin, and the customer's consent page in words", async ({ page, browser }) => {
    const id = query<{ id: string }>(
      "SELECT id FROM connections WHERE tenant_id = 'ten_acme' AND needs_relink = 1 ORDER BY id LIMIT 1",
    )[0]?.id;
    await screens(page, "/connections", "admin-connections", rowsShown);
    await screens(page, `/connections/${id}?tab=errors`, "admin-detail-errors", h1Shown);

    // A link for a Stripe connection, whose scope is `read_only`.
    const [stripe] = query<{ id: string }>(
      "SELECT id FROM connections WHERE tenant_id = 'ten_acme' AND provider = 'stripe' ORDER BY id LIMIT 1",
    );
    expect(stripe, "the demo data has an Acme Stripe connection").toBeDefined();
    await page.goto(`/connections/${stripe!.id}?tab=relink`);
    await page.getByRole("tabpanel").getByRole("button", { name: "Create relink link" }).click();
    const dialog = page.getByRole("dialog");
    await expect(dialog).toContainText("your time");
    await dialog.getByRole("button", { name: "Create link" }).click();
    const url = await dialog.getByLabel("Relink URL").inputValue();
    const customer = await (await browser.newContext()).newPage();
    for (const theme of ["light", "dark"] as const) {
      await customer.emulateMedia({ colorScheme: theme });
      await customer.goto(new URL(url).pathname);
      await expect(customer.getByRole("heading", { level: 1 })).toBeVisible();
      await expect(customer.locator("body")).toContainText("See your data, without changing it");
      await expect(customer.locator("body")).not.toContainText("your only");
      const axe = await new AxeBuilder({ page: customer }).withTags(["wcag2a", "wcag2aa"]).analyze();
      expect(axe.violations.filter((v) => v.impact === "critical" || v.impact === "serious")).toEqual([]);
      await customer.screenshot({ path: shot(`consent-${theme}-desktop`) });
    }
    await customer.close();
  });
});

test.describe(() => {
  test.use({ signedInAs: "acmeViewer" });

  test("viewer: no selection or bulk bar; /relink explains what they can see", async ({ page }) => {
    await page.goto("/connections");
    await rowsShown(page);
    await expect(page.getByRole("checkbox")).toHaveCount(0);
    await expect(page.getByRole("toolbar", { name: "Bulk actions" })).toHaveCount(0);
    await page.goto("/relink");
    await expect(page.getByRole("note")).toContainText("read-only access");
    await screens(page, "/connections", "viewer-connections", rowsShown);
    await screens(page, "/relink", "viewer-relink", h1Shown);
  });
});
