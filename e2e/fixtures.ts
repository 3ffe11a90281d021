// Signs in through the real login form once per role and reuses the session cookie.
import { test as base, expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "demo-password";
export const USERS = {
  support: "support@demo.test",
  acmeAdmin: "admin@acme.demo.test",
  globexAdmin: "admin@globex.demo.test",
  acmeViewer: "viewer@acme.demo.test",
} as const;

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
