import { readFileSync } from "node:fs";
import Database from "better-sqlite3";
import { checkWhenHydrated, e2eDbPath as dbPath, expect, queryDb as query, test, USERS } from "./fixtures";

/** Plays "someone else": a change made behind the page's back. */
function bumpVersion(id: string): void {
  const db = new Database(dbPath);
  try {
    db.pragma("busy_timeout = 5000");
    db.prepare("UPDATE connections SET version = version + 1, updated_at = ? WHERE id = ?").run(
      new Date().toISOString(),
      id,
    );
  } finally {
    db.close();
  }
}

interface Row {
  id: string;
  name: string;
  user_paused: number;
  pause_reason: string | null;
  paused_by: string | null;
  version: number;
}

test.describe(() => {
  test.use({ signedInAs: "acmeAdmin" });

  test("an admin pauses a connection from its detail page with a reason; it shows in activity and the audit log", async ({
    page,
  }) => {
    test.setTimeout(150_000);
    const [target] = query<Row>(
      "SELECT id, name, version FROM connections WHERE tenant_id = 'ten_acme' AND user_paused = 0 ORDER BY id LIMIT 1",
    );
    expect(target).toBeDefined();
    const id = target!.id;
    const reason = `Customer migration freeze ${Date.now()}`;

    await page.goto(`/connections/${id}`);
    await page.getByRole("button", { name: "Pause…" }).click();
    const dialog = page.getByRole("dialog", { name: /Pause/ });
    // A reason is required: submitting empty changes nothing.
    await dialog.getByRole("button", { name: "Pause connection" }).click();
    await expect(dialog.getByRole("alert")).toHaveText("Reason is required.");
    await dialog.getByLabel("Reason").fill(reason);
    await page.screenshot({ path: "test-results/screens/actions-pause-dialog.png" });
    await dialog.getByRole("button", { name: "Pause connection" }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole("button", { name: "Resume" })).toBeVisible();

    const [row] = query<Row>("SELECT user_paused, pause_reason, paused_by, version FROM connections WHERE id = ?", id);
    expect(row).toMatchObject({
      user_paused: 1,
      pause_reason: reason,
      paused_by: USERS.acmeAdmin,
      version: target!.version + 1,
    });
    const audit = query<{ action: string; note: string; before: string; after: string }>(
      "SELECT action, note, before, after FROM audit_events WHERE connection_id = ?",
      id,
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "connection.pause", note: reason });
    expect(JSON.parse(audit[0]!.before)).toMatchObject({ user_paused: false });
    expect(JSON.parse(audit[0]!.after)).toMatchObject({ user_paused: true, pause_reason: reason });

    await page.goto(`/connections/${id}?tab=activity`);
    // Actions read in words (issue 14): "connection.pause" shows as "Paused connection".
    await expect(page.getByText("Paused connection").first()).toBeVisible();
    await expect(page.getByText(`“${reason}”`, { exact: true })).toBeVisible();
    await page.screenshot({ path: "test-results/screens/actions-activity.png", fullPage: true });

    await page.goto(`/audit?connectionId=${id}`);
    await expect(page.getByRole("heading", { name: "Audit log" })).toBeVisible();
    const auditRow = page.locator("tbody tr").filter({ hasText: reason });
    await expect(auditRow).toHaveCount(1);
    await expect(auditRow).toContainText("Paused connection");
    await expect(auditRow).toContainText(USERS.acmeAdmin);
    await page.screenshot({ path: "test-results/screens/actions-audit-log.png", fullPage: true });
    // The CSV carries the same filtered, tenant-scoped rows.
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Export CSV" }).click(),
    ]);
    const csv = readFileSync(await download.path(), "utf8")
      .trim()
      .split("\r\n");
    expect(csv[0]).toMatch(/^at,actor_id,actor,action,/);
    expect(csv).toHaveLength(2);
    expect(csv[1]).toContain(reason);
    expect(csv[1]).toContain('"connection.pause"');

    // Someone else changes the connection: resuming from the stale page is refused and explained.
    await page.goto(`/connections/${id}`);
    await expect(page.getByRole("button", { name: "Resume" })).toBeVisible();
    bumpVersion(id);
    await page.getByRole("button", { name: "Resume" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Someone else changed this connection." })).toBeVisible();
    await page.screenshot({ path: "test-results/screens/actions-conflict.png" });
    expect(query<Row>("SELECT user_paused FROM connections WHERE id = ?", id)[0]?.user_paused).toBe(1);
    // The page now holds the current version: a second click goes through.
    await page.getByRole("button", { name: "Resume" }).click();
    await expect(page.getByRole("button", { name: "Pause…" })).toBeVisible();
    expect(query<Row>("SELECT user_paused, pause_reason FROM connections WHERE id = ?", id)[0]).toMatchObject({
      user_paused: 0,
      pause_reason: null,
    });
  });

  test("an admin bulk-pauses every connection matching a filter from the table; only their tenant's rows change", async ({
    page,
  }) => {
    const count = (sql: string) => query<{ n: number }>(sql)[0]?.n ?? -1;
    const acmeExpired = count(
      "SELECT COUNT(*) AS n FROM connections WHERE tenant_id = 'ten_acme' AND status = 'expired'",
    );
    const acmeAlready = count(
      "SELECT COUNT(*) AS n FROM connections WHERE tenant_id = 'ten_acme' AND status = 'expired' AND user_paused = 1",
    );
    const othersPausedBefore = count(
      "SELECT COUNT(*) AS n FROM connections WHERE tenant_id != 'ten_acme' AND user_paused = 1",
    );
    expect(acmeExpired - acmeAlready).toBeGreaterThan(0);
    const reason = `Expired credentials: stop retries ${Date.now()}`;

    await page.goto("/connections?status=expired");
    await expect(page.locator("tbody tr").first()).toBeVisible();
    // The bulk bar appears once a row is ticked; "all matching" then reaches past this page.
    await checkWhenHydrated(page.locator("tbody tr").first().getByRole("checkbox"));
    const bar = page.getByRole("toolbar", { name: "Bulk actions" });
    await bar.getByRole("button", { name: "Pause all matching" }).click();
    const dialog = page.getByRole("dialog", { name: "Pause connections?" });
    await dialog.getByLabel("Reason").fill(reason);
    await dialog.getByRole("button", { name: "Pause", exact: true }).click();
    const status = page.getByRole("status").filter({ hasText: /Done:/ });
    await expect(status).toBeVisible({ timeout: 30_000 });
    await expect(status).toContainText(`Paused ${acmeExpired - acmeAlready}`);
    await expect(status).toContainText(`${acmeAlready} skipped`);
    await page.screenshot({ path: "test-results/screens/actions-bulk-pause.png", fullPage: true });
    await page.getByRole("button", { name: "Dismiss" }).click();
    await expect(bar).toBeHidden();

    expect(
      count(
        "SELECT COUNT(*) AS n FROM connections WHERE tenant_id = 'ten_acme' AND status = 'expired' AND user_paused = 0",
      ),
    ).toBe(0);
    expect(count("SELECT COUNT(*) AS n FROM connections WHERE tenant_id != 'ten_acme' AND user_paused = 1")).toBe(
      othersPausedBefore,
    );
    expect(
      count(
        `SELECT COUNT(*) AS n FROM audit_events WHERE action = 'connection.pause' AND note = '${reason.replace(/'/g, "''")}' AND tenant_id = 'ten_acme'`,
      ),
    ).toBe(acmeExpired - acmeAlready);
  });

  test("an admin resolves an error with a note from the errors tab; who, when and the note are kept", async ({
    page,
  }) => {
    const [target] = query<{ id: string; open_error_count: number }>(
      "SELECT id, open_error_count FROM connections WHERE tenant_id = 'ten_acme' AND open_error_count >= 2 ORDER BY id LIMIT 1",
    );
    expect(target).toBeDefined();
    const note = `Rate limit raised upstream ${Date.now()}`;
    await page.goto(`/connections/${target!.id}?tab=errors`);
    await page.getByRole("button", { name: "Resolve error", exact: true }).first().click();
    const dialog = page.getByRole("dialog", { name: "Resolve this error?" });
    await dialog.getByLabel("Note").fill(note);
    await page.screenshot({ path: "test-results/screens/actions-resolve-error.png" });
    await dialog.getByRole("button", { name: "Resolve error" }).click();
    await expect(dialog).toBeHidden();
    const resolved = query<{ resolved_by: string; resolved_at: string; status: string }>(
      "SELECT resolved_by, resolved_at, status FROM connection_errors WHERE connection_id = ? AND resolution_note = ?",
      target!.id,
      note,
    );
    expect(resolved).toHaveLength(1);
    expect(resolved[0]).toMatchObject({ status: "resolved", resolved_by: USERS.acmeAdmin });
    const [after] = query<{ open_error_count: number }>(
      "SELECT open_error_count FROM connections WHERE id = ?",
      target!.id,
    );
    expect(after?.open_error_count).toBe(target!.open_error_count - 1);
    expect(
      query(
        "SELECT id FROM audit_events WHERE connection_id = ? AND action = 'errors.resolve' AND note = ?",
        target!.id,
        note,
      ),
    ).toHaveLength(1);
  });
});

test.describe(() => {
  test.use({ signedInAs: "acmeViewer" });

  test("viewers get no pause or resume controls", async ({ page }) => {
    const [target] = query<Row>("SELECT id FROM connections WHERE tenant_id = 'ten_acme' LIMIT 1");
    await page.goto(`/connections/${target!.id}`);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.getByRole("button", { name: /^(Pause…|Resume)$/ })).toHaveCount(0);
  });
});
