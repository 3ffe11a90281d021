// The request's edges on the real server (issue 10, items 1–4, 10, 11): forged forwarding
// headers, open redirects after sign-in, signed-out API calls, security headers and CSP, the
// relink page's status codes, and the rate limits that rotating X-Forwarded-For must not escape.
import type { APIRequestContext, Page } from "@playwright/test";
import { DEMO_PASSWORD, expect, queryDb as query, test, USERS } from "./fixtures";

test.describe.configure({ timeout: 180_000 });

const FORGED = { "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" };

/** An Acme connection that needs relink through the sandbox, away from the ones other specs use. */
function relinkableAcmeConnection(skip: number): { id: string; display_name: string } {
  const [row] = query<{ id: string; display_name: string }>(
    `SELECT c.id, i.display_name FROM connections c JOIN integrations i ON i.provider = c.provider
      WHERE c.tenant_id = 'ten_acme' AND c.needs_relink = 1 AND c.user_paused = 0 AND i.use_sandbox = 1
      ORDER BY c.id DESC LIMIT 1 OFFSET ?`,
    20 + skip,
  );
  if (!row) throw new Error("no relinkable Acme connection in the demo data");
  return row;
}

async function trpcMutation<T>(request: APIRequestContext, path: string, input: unknown, headers = {}) {
  const response = await request.post(`/api/trpc/${path}`, {
    headers: { "content-type": "application/json", ...headers },
    data: { json: input },
  });
  expect(response.status(), await response.text()).toBe(200);
  return ((await response.json()) as { result: { data: { json: T } } }).result.data.json;
}

async function signInHere(page: Page, email: string = USERS.acmeAdmin) {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  // A password hash and a first render: seconds on a busy 2-core machine, more than expect's 10 s.
  await page.waitForURL((url) => url.pathname !== "/login", { timeout: 60_000 });
}

test("every page carries a nonce CSP, no framing, nosniff and a referrer policy; the theme script still runs", async ({
  page,
}) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  const response = await page.goto("/login");
  const headers = response?.headers() ?? {};
  const csp = headers["content-security-policy"] ?? "";
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).not.toContain("unsafe-eval");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("same-origin");
  // Served over http here: no HSTS (it is sent only when the public origin is https).
  expect(headers["strict-transport-security"]).toBeUndefined();
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
  // The inline theme script ran (it sets color-scheme on <html>), so it carried the nonce.
  await expect.poll(() => page.evaluate(() => document.documentElement.style.colorScheme)).toMatch(/^(light|dark)$/);
  // Each response has its own nonce.
  const again = await page.request.get("/login");
  expect(again.headers()["content-security-policy"]).not.toContain(`'nonce-${nonce}'`);

  // Hydrated pages still work under the policy: sign in, open a list and a detail page.
  await signInHere(page);
  await expect(page).toHaveURL(/:\d+\/$/);
  await expect(page.getByRole("heading", { name: "Home" })).toBeVisible();
  const connection = relinkableAcmeConnection(0);
  const detail = await page.goto(`/connections/${connection.id}?tab=relink`);
  expect(detail?.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
  await expect(page.getByRole("tabpanel").getByRole("button", { name: "Create relink link" })).toBeVisible();
  expect(violations).toEqual([]);

  // Browsers without CSP frame-ancestors refuse to frame it too.
  const framed = await page.request.get(`/connections/${connection.id}`);
  expect(framed.headers()["x-frame-options"]).toBe("DENY");
});

test("after sign-in, hostile callback URLs land on this console, never on another host", async ({ page, baseURL }) => {
  for (const callback of ["/%5Cevil.example/x", "/%09/evil.example", "//evil.example", "https://evil.example/"]) {
    await page.context().clearCookies();
    await page.goto(`/login?callbackUrl=${callback}`);
    await signInHere(page);
    await expect(page).toHaveURL(/:\d+\/$/);
    expect(new URL(page.url()).origin).toBe(new URL(baseURL ?? "").origin);
  }
  // A same-origin path is kept.
  await page.context().clearCookies();
  await page.goto(`/login?callbackUrl=${encodeURIComponent("/audit?action=relink.created")}`);
  await signInHere(page);
  await expect(page).toHaveURL(/\/audit\?action=relink\.created$/);
});

test("signed-out API calls get 401 JSON, not a redirect to the login page", async ({ request, baseURL }) => {
  const trpc = await request.get(`/api/trpc/connections.list?input=${encodeURIComponent('{"json":{}}')}`, {
    maxRedirects: 0,
  });
  expect(trpc.status()).toBe(401);
  expect(trpc.headers()["content-type"]).toContain("application/json");
  const body = (await trpc.json()) as { error: { json: { message: string; data: { code: string } } } };
  expect(body.error.json.data.code).toBe("UNAUTHORIZED");
  expect(body.error.json.message).toBe("Sign in to continue.");
  for (const path of ["/api/export/connections?format=csv", "/api/export/audit"]) {
    const exported = await request.get(path, { maxRedirects: 0 });
    expect(exported.status()).toBe(401);
    expect(((await exported.json()) as { error: string }).error).toMatch(/sign in/i);
  }
  // Pages still send a browser to sign in, and back to where it was going.
  const pageResponse = await request.get("/connections?status=error", { maxRedirects: 0 });
  expect(pageResponse.status()).toBe(307);
  // The Location may be relative (RFC 9110 allows it): resolve it against this console.
  const location = new URL(pageResponse.headers()["location"] ?? "", baseURL);
  expect(location.pathname).toBe("/login");
  expect(location.searchParams.get("callbackUrl")).toBe("/connections?status=error");
});

test.describe(() => {
  test.use({ signedInAs: "acmeAdmin" });

  test("an expired session: the console says so, and sign-in returns to the same page", async ({ page }) => {
    const connection = relinkableAcmeConnection(1);
    await page.goto(`/connections/${connection.id}?tab=relink`);
    const before = query<{ n: number }>(
      "SELECT COUNT(*) AS n FROM relink_links WHERE connection_id = ?",
      connection.id,
    );
    // The dialog is opened first: with the session gone, the page's own refresh (on focus, every
    // 30 s) may already send the browser to sign in, which is the same outcome for the user.
    await page.getByRole("tabpanel").getByRole("button", { name: "Create relink link" }).click();
    const create = page.getByRole("dialog").getByRole("button", { name: "Create link" });
    await expect(create).toBeVisible();
    await page.context().clearCookies();
    await create.click();
    await expect(page.getByText("Your session expired — sign in again", { exact: true })).toBeVisible();
    await expect(page).toHaveURL(/\/login\?/);
    const callback = new URL(page.url()).searchParams.get("callbackUrl");
    expect(callback).toBe(`/connections/${connection.id}?tab=relink`);
    await expect(page.getByRole("status").filter({ hasText: "Your session expired" })).toBeVisible();
    await signInHere(page);
    await expect(page).toHaveURL(new RegExp(`/connections/${connection.id}\\?tab=relink$`));
    // The refused call changed nothing.
    expect(
      query<{ n: number }>("SELECT COUNT(*) AS n FROM relink_links WHERE connection_id = ?", connection.id),
    ).toEqual(before);
  });

  test("forged X-Forwarded-Host: relink links stay on the configured origin, and the flow runs there", async ({
    page,
    browser,
    baseURL,
  }) => {
    const origin = new URL(baseURL ?? "").origin;
    const connection = relinkableAcmeConnection(2);
    const link = await trpcMutation<{ url: string }>(
      page.request,
      "relink.create",
      { connectionId: connection.id },
      FORGED,
    );
    expect(new URL(link.url).origin).toBe(origin);

    // The customer's start, with the same forged headers: the provider is still ours.
    const customer = await browser.newContext({ extraHTTPHeaders: FORGED });
    const tab = await customer.newPage();
    await tab.goto(new URL(link.url).pathname);
    await tab.getByRole("button", { name: `Reconnect ${connection.display_name}` }).click();
    await expect(tab).toHaveURL(new RegExp(`^${origin}/sandbox-oauth/authorize\\?`));
    expect(new URL(tab.url()).searchParams.get("redirect_uri")).toBe(`${origin}/link/callback`);

    // A callback naming another issuer is refused before any token request; nothing changes.
    const state = new URL(tab.url()).searchParams.get("state") ?? "";
    const before = query("SELECT status, credentials_encrypted FROM connections WHERE id = ?", connection.id);
    await tab.goto(
      `/link/callback?code=from-evil&state=${encodeURIComponent(state)}&iss=${encodeURIComponent("https://evil.example/sandbox-oauth")}`,
    );
    // (Next's route announcer is an empty alert too: pick the message.)
    await expect(tab.getByRole("alert").filter({ hasText: "couldn't finish reconnecting" })).toBeVisible();
    expect(query("SELECT status, credentials_encrypted FROM connections WHERE id = ?", connection.id)).toEqual(before);
    await customer.close();
  });

  test("relink pages: 404 unknown, 410 revoked and used, 200 'reconnected' only in the browser that finished", async ({
    page,
    browser,
  }) => {
    const unknown = await page.request.get(`/link/${"x".repeat(43)}`);
    expect(unknown.status()).toBe(404);
    expect(await unknown.text()).toContain("We don&#x27;t recognise this link");

    const revokedConnection = relinkableAcmeConnection(3);
    const revoked = await trpcMutation<{ id: string; url: string }>(page.request, "relink.create", {
      connectionId: revokedConnection.id,
    });
    await trpcMutation(page.request, "relink.revoke", { linkId: revoked.id });
    const revokedPage = await page.request.get(new URL(revoked.url).pathname);
    expect(revokedPage.status()).toBe(410);
    expect(await revokedPage.text()).toContain("This link has been cancelled");

    const connection = relinkableAcmeConnection(4);
    const { url } = await trpcMutation<{ url: string }>(page.request, "relink.create", {
      connectionId: connection.id,
    });
    const customer = await browser.newContext();
    const tab = await customer.newPage();
    const open = await tab.goto(new URL(url).pathname);
    expect(open?.status()).toBe(200);
    await tab.getByRole("button", { name: `Reconnect ${connection.display_name}` }).click();
    const done = tab.waitForResponse((r) => r.url().includes("done=1"));
    await tab.getByRole("button", { name: "Approve", exact: true }).click();
    expect((await done).status()).toBe(200);
    await expect(tab.getByRole("heading", { name: "You're reconnected" })).toBeVisible();
    const doneUrl = tab.url();
    await customer.close();

    // Someone else with the same ?done=1 URL is not told it worked.
    const other = await browser.newContext();
    const otherTab = await other.newPage();
    const used = await otherTab.goto(doneUrl);
    expect(used?.status()).toBe(410);
    await expect(otherTab.getByRole("heading", { name: "This link has already been used" })).toBeVisible();
    await other.close();
  });
});

test("sign-in: rotating X-Forwarded-For does not lift the lockout; a locked attempt gets 429 + Retry-After", async ({
  request,
}) => {
  const email = "nobody-edges@demo.test";
  let last = 0;
  let retryAfter: string | undefined;
  for (let i = 0; i < 12 && last !== 429; i++) {
    const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
    const response = await request.post("/api/auth/callback/credentials", {
      headers: { "x-forwarded-for": `203.0.113.${i}` },
      form: { email, password: "wrong", csrfToken, json: "true" },
      maxRedirects: 0,
    });
    last = response.status();
    retryAfter = response.headers()["retry-after"];
  }
  expect(last).toBe(429);
  expect(Number(retryAfter)).toBeGreaterThan(0);
});

// Last: it uses up the link-page allowance of the one address all direct clients share, then
// waits it out so that later specs are not refused.
test("relink pages: rotating X-Forwarded-For does not escape the rate limit; 429 says how long to wait", async ({
  request,
}) => {
  let limited: Awaited<ReturnType<APIRequestContext["get"]>> | undefined;
  for (let i = 0; i < 40 && !limited; i++) {
    const response = await request.get(`/link/${"r".repeat(43)}`, {
      headers: { "x-forwarded-for": `198.51.100.${i}` },
    });
    if (response.status() === 429) limited = response;
  }
  expect(limited?.status()).toBe(429);
  const wait = Number(limited?.headers()["retry-after"]);
  expect(wait).toBeGreaterThan(0);
  const html = (await limited?.text()) ?? "";
  expect(html).toContain("Too many requests");
  expect(html).toContain(`Try again in ${wait} s`);
  await new Promise((resolve) => setTimeout(resolve, (wait + 1) * 1000));
});
