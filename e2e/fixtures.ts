// Shared e2e fixtures: a page signed in as a demo user (`test.use({ signedInAs: "support" })`),
// and read access to the app's SQLite database to check what a UI action really changed.
import path from "node:path";
import Database from "better-sqlite3";
import { test as base, expect, type Browser, type Cookie, type Locator } from "@playwright/test";

export const DEMO_PASSWORD = "demo-password";
export const USERS = {
  support: "support@demo.test",
  acmeAdmin: "admin@acme.demo.test",
  globexAdmin: "admin@globex.demo.test",
  acmeViewer: "viewer@acme.demo.test",
} as const;
export type DemoUser = keyof typeof USERS;

/** The database the Playwright web server runs on (playwright.config.ts). */
export const e2eDbPath = path.resolve(process.env.E2E_SQLITE_PATH ?? "data/e2e/console.db");

/** Runs a read-only query against the app's database. */
export function queryDb<T>(sql: string, ...params: unknown[]): T[] {
  const db = new Database(e2eDbPath, { readonly: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

/** Signs in through the real login form, in a context of its own, and keeps its cookies. */
async function signInThroughForm(browser: Browser, email: string): Promise<Cookie[]> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto("/login");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    // A cold server compiles and warms up on the first sign-in: allow it time.
    // Signed in, the console opens on its home page.
    await expect(page).toHaveURL(/:\d+\/$/, { timeout: 45_000 });
    return await context.cookies();
  } finally {
    await context.close();
  }
}

// One sign-in per user per worker; a failed one is forgotten, so the next test tries again.
const sessions = new Map<DemoUser, Promise<Cookie[]>>();
function sessionCookies(browser: Browser, user: DemoUser): Promise<Cookie[]> {
  let cookies = sessions.get(user);
  if (!cookies) {
    cookies = signInThroughForm(browser, USERS[user]);
    void cookies.catch(() => sessions.delete(user));
    sessions.set(user, cookies);
  }
  return cookies;
}

export const test = base.extend<{ signedInAs: DemoUser | null; session: Cookie[] }>({
  /** Who the test's `page` is signed in as; null (the default) for a signed-out page. */
  signedInAs: [null, { option: true }],
  // Its own timeout: the first sign-in of a run may wait for a cold server.
  session: [
    async ({ browser, signedInAs }, use) => await use(signedInAs ? await sessionCookies(browser, signedInAs) : []),
    { timeout: 75_000 },
  ],
  // Only the test's own context is signed in: contexts a test opens itself (a customer's
  // browser) start signed out.
  context: async ({ context, session }, use) => {
    if (session.length > 0) await context.addCookies(session);
    await use(context);
  },
});
export { expect };

/**
 * Ticks a checkbox of a server-rendered table: a click that lands before React has hydrated the
 * row changes nothing (Playwright then says the state did not change), so it is tried again.
 */
export async function checkWhenHydrated(box: Locator): Promise<void> {
  await expect(async () => {
    await box.check({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
}
