// Accessibility: axe-core on every main page, in the light and the dark theme, as each role that
// sees it (support sees every page; the tenant admin and the viewer their own versions). Critical and serious violations fail the test (listed with their nodes),
// and so does a skipped heading level; other moderate and minor ones are printed for the record.
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, queryDb as query, test } from "./fixtures";

test.describe.configure({ timeout: 120_000 });

type Theme = "light" | "dark";

async function check(page: Page, name: string, theme: Theme) {
  // Tooltips and menus are closed; animations would catch text mid-fade.
  await page.emulateMedia({ colorScheme: theme, reducedMotion: "reduce" });
  await page.waitForLoadState("networkidle");
  const result = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"])
    .analyze();
  const summary = (impacts: string[]) =>
    result.violations
      .filter((v) => impacts.includes(v.impact ?? ""))
      .map((v) => ({
        rule: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(" ")} — ${n.failureSummary?.split("\n")[1] ?? ""}`),
      }));
  const minor = summary(["moderate", "minor"]);
  if (minor.length) console.log(`[axe] ${name} (${theme}) moderate/minor:`, JSON.stringify(minor, null, 1));
  // Soft: every page is checked and reported, the test fails at the end.
  expect.soft(summary(["critical", "serious"]), `${name} (${theme})`).toEqual([]);
  // Moderate, but a screen reader's outline depends on it: no page skips a heading level.
  expect
    .soft(
      minor.filter((v) => v.rule === "heading-order"),
      `${name} (${theme}) heading order`,
    )
    .toEqual([]);
}

const group = () =>
  query<{ id: string }>(
    "SELECT group_id AS id FROM ops_error_group_connections GROUP BY group_id ORDER BY sum(active_n) DESC, group_id LIMIT 1",
  )[0]?.id ?? "";

const troubled = () =>
  query<{ id: string }>(
    "SELECT id FROM connections WHERE needs_relink = 1 AND open_error_count > 0 AND tenant_id = 'ten_acme' ORDER BY id LIMIT 1",
  )[0]?.id ?? "";

type Role = "support" | "acmeAdmin" | "acmeViewer" | null;

// Each page its own test (both themes), so a slow machine never runs one test past its timeout
// and a failure names its page. The ids are looked up when the test runs, after the seed.
const PAGES: [Role, string, () => string][] = [
  [null, "login", () => "/login"],
  [null, "link: unknown token", () => "/link/not-a-real-token"],
  [null, "link: problem", () => "/link/problem"],
  ["support", "home", () => "/"],
  ["support", "connections", () => "/connections"],
  ["support", "connections filtered", () => "/connections?status=error&sort=open_error_count"],
  ["support", "detail", () => `/connections/${troubled()}`],
  ...(["errors", "runs", "activity", "auth", "link", "metadata", "timeline", "relink"] as const).map(
    (tab): [Role, string, () => string] => [
      "support",
      `detail ${tab} tab`,
      () => `/connections/${troubled()}?tab=${tab}`,
    ],
  ),
  ["support", "error groups", () => "/errors"],
  ["support", "error group", () => `/errors/${group()}`],
  ["support", "relink", () => "/relink"],
  ["support", "audit", () => "/audit"],
  ["support", "webhooks", () => "/settings/webhooks"],
  ["support", "api keys", () => "/settings/api-keys"],
  ["support", "api reference", () => "/settings/api"],
  ["support", "mailbox", () => "/mailbox"],
  ["support", "not found", () => "/no-such-page"],
  ["acmeAdmin", "home", () => "/"],
  ["acmeAdmin", "connections", () => "/connections"],
  ["acmeAdmin", "detail", () => `/connections/${troubled()}`],
  ["acmeAdmin", "detail relink tab", () => `/connections/${troubled()}?tab=relink`],
  ["acmeAdmin", "error groups", () => "/errors"],
  ["acmeAdmin", "error group", () => `/errors/${group()}`],
  ["acmeAdmin", "relink", () => "/relink"],
  ["acmeAdmin", "audit", () => "/audit"],
  ["acmeAdmin", "webhooks", () => "/settings/webhooks"],
  ["acmeViewer", "connections", () => "/connections"],
  ["acmeViewer", "detail", () => `/connections/${troubled()}`],
  ["acmeViewer", "relink", () => "/relink"],
  ["acmeViewer", "audit", () => "/audit"],
  ["acmeViewer", "error groups", () => "/errors"],
];

for (const role of ["support", "acmeAdmin", "acmeViewer", null] as const) {
  test.describe(role ?? "signed out", () => {
    test.use({ signedInAs: role });
    for (const [, name, path] of PAGES.filter(([r]) => r === role)) {
      test(`${name}: no critical or serious violations, no skipped heading level, light and dark`, async ({ page }) => {
        for (const theme of ["light", "dark"] as const) {
          await page.emulateMedia({ colorScheme: theme, reducedMotion: "reduce" });
          await page.goto(path());
          await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
          await check(page, `${role ?? "signed out"}: ${name}`, theme);
        }
      });
    }
  });
}
