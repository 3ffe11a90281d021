// Shared e2e helpers: sign in through the real login form, and read the app's SQLite database
// to check what a UI action really changed.
import path from "node:path";
import Database from "better-sqlite3";
import { test as base, expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "demo-password";
export const USERS = {
  support: "support@demo.test",
  acmeAdmin: "admin@acme.demo.test",
  globexAdmin: "admin@globex.demo.test",
  acmeViewer: "viewer@acme.demo.test",
} as const;

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

export async function signIn(page: Page, email: string): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  // A cold server compiles and warms up on the first sign-in: allow it time.
  await expect(page).toHaveURL(/\/connections/, { timeout: 30_000 });
}

export const test = base;
export { expect };
