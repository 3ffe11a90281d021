// The platform loop end to end, with nothing in between faked: support adds a webhook endpoint in
// the UI (a real HTTP receiver started here), pauses a connection, and sees the delivery with its
// status code; the receiver's request is verified with the `standardwebhooks` package and the
// secret the UI showed once. Then a platform with an API key made by the CLI has a relink link
// e-mailed (the run's real SMTP server, e2e/smtp-sink.ts), the customer opens it from the e-mail in
// a fresh browser, approves at the sandbox OAuth provider, and the platform reads the new
// credentials over REST; each read is audited.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { Webhook } from "standardwebhooks";
import { mimePart } from "../server/email/testing-smtp";
import { startReceiver, type Receiver } from "../server/webhooks/testing/receiver";
import { e2eDbPath, expect, queryDb as query, test } from "./fixtures";

test.describe.configure({ mode: "serial", timeout: 360_000 });
test.use({ signedInAs: "support" });

const STAMP = Date.now().toString(36);
let receiver: Receiver;

test.beforeAll(async () => {
  receiver = await startReceiver();
  receiver.respond = () => ({ status: 202, body: `accepted by e2e receiver ${STAMP}` });
});
test.afterAll(async () => {
  await receiver.close();
});

interface PausedEvent {
  id: string;
  type: string;
  data: { connection: { id: string } };
}

async function addEndpointInUi(page: Page, url: string): Promise<string> {
  await page.goto("/settings/webhooks");
  await page.getByRole("button", { name: "Add endpoint" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Endpoint URL").fill(url);
  await dialog.getByLabel("Description (optional)").fill(`E2E platform receiver ${STAMP}`);
  await dialog.getByRole("button", { name: "Add endpoint" }).click();
  await expect(dialog.getByRole("heading", { name: "Endpoint added" })).toBeVisible();
  const secret = await dialog.getByLabel("Signing secret").inputValue();
  expect(secret).toMatch(/^whsec_[A-Za-z0-9+/=]+$/);
  await page.screenshot({ path: "test-results/screens/platform-webhook-secret.png" });
  await dialog.getByRole("button", { name: "Done" }).click();
  await expect(dialog).toBeHidden();
  // Shown once: the list never carries it again.
  await page.reload();
  await expect(page.getByRole("table", { name: "Webhook endpoints" })).toContainText(url);
  expect(await page.content()).not.toContain(secret);
  return secret;
}

test("support adds a webhook endpoint, pauses a connection, and sees the signed delivery with its status code", async ({
  page,
}) => {
  const url = `${receiver.url}/hooks/console-${STAMP}`;
  const secret = await addEndpointInUi(page, url);

  const [target] = query<{ id: string; name: string }>(
    `SELECT id, name FROM connections WHERE tenant_id = 'ten_globex' AND user_paused = 0 AND needs_relink = 0
      ORDER BY id LIMIT 1 OFFSET 3`,
  );
  if (!target) throw new Error("no unpaused Globex connection in the demo data");
  await page.goto(`/connections/${target.id}`);
  await page.getByRole("button", { name: "Pause…" }).click();
  const dialog = page.getByRole("dialog", { name: /Pause/ });
  await dialog.getByLabel("Reason").fill(`Platform e2e ${STAMP}`);
  await dialog.getByRole("button", { name: "Pause connection" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("button", { name: "Resume" })).toBeVisible();

  // The receiver gets connection.paused for this connection (other events may arrive too: the
  // endpoint takes every event type of every tenant).
  const paused = () =>
    receiver.received.find((r) => {
      const body = JSON.parse(r.body) as PausedEvent;
      return body.type === "connection.paused" && body.data.connection.id === target.id;
    });
  await expect.poll(() => paused() !== undefined, { timeout: 30_000 }).toBe(true);
  const request = paused()!;
  // Standard Webhooks: the signature over id, timestamp and body verifies with the secret shown once…
  const verified = new Webhook(secret).verify(request.body, request.headers) as PausedEvent;
  expect(verified).toMatchObject({ type: "connection.paused", data: { connection: { id: target.id } } });
  expect(request.headers["webhook-id"]).toBe(verified.id);
  expect(request.headers["webhook-signature"]).toMatch(/^v1,[A-Za-z0-9+/=]+$/);
  // …and fails for a changed body or another secret.
  expect(() => new Webhook(secret).verify(request.body.replace(target.id, "con_other"), request.headers)).toThrow();
  expect(() =>
    new Webhook(`whsec_${Buffer.alloc(32, 7).toString("base64")}`).verify(request.body, request.headers),
  ).toThrow();

  // The Webhooks page shows that delivery with the receiver's status code and answer.
  await page.goto("/settings/webhooks");
  const endpointRow = page.getByRole("table", { name: "Webhook endpoints" }).getByRole("row").filter({ hasText: url });
  await endpointRow.getByRole("button", { name: "Deliveries" }).click();
  await expect(endpointRow.getByRole("button", { name: "Deliveries" })).toHaveAttribute("aria-pressed", "true");
  const deliveryRow = page.getByRole("table", { name: "Deliveries" }).getByRole("row").filter({ hasText: verified.id });
  await expect(deliveryRow).toContainText("connection.paused");
  await expect(deliveryRow.getByRole("cell").nth(2)).toHaveText("202");
  await expect(deliveryRow).toContainText(`accepted by e2e receiver ${STAMP}`);
  await expect(deliveryRow).toContainText(/\d+ ms/);
  const [stored] = query<{ status: string; last_status_code: number }>(
    "SELECT d.status, d.last_status_code FROM webhook_deliveries d JOIN webhook_endpoints e ON e.id = d.endpoint_id WHERE e.url = ? AND d.event_id = ?",
    url,
    verified.id,
  );
  expect(stored).toMatchObject({ status: "succeeded", last_status_code: 202 });

  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.reload();
    await endpointRow.getByRole("button", { name: "Deliveries" }).click();
    await expect(deliveryRow.getByRole("cell").nth(2)).toHaveText("202");
    await page.screenshot({ path: `test-results/screens/platform-webhooks-delivery-${scheme}.png`, fullPage: true });
  }
  // Deleted again, so the specs after this one do not keep sending to a receiver that is gone.
  await endpointRow.getByRole("button", { name: /^Delete/ }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Delete endpoint" }).click();
  await expect(page.getByText(url)).toHaveCount(0);
  expect(query("SELECT id FROM webhook_endpoints WHERE url = ?", url)).toHaveLength(0);
});

/** The API key as an operator makes it: the CLI against the app's database, key on the last line. */
function createKeyWithCli(name: string, scopes: string): string {
  const out = execFileSync(
    process.execPath,
    [path.resolve("node_modules/tsx/dist/cli.mjs"), "scripts/api-key.ts", "create", "--name", name, "--scopes", scopes],
    {
      encoding: "utf8",
      // tsx compiles the CLI on a machine busy with the app and the browser: allow minutes.
      timeout: 180_000,
      env: { ...process.env, CONSOLE_ENV: "test", CONSOLE_DATA_DIR: "data/e2e", SQLITE_PATH: e2eDbPath },
    },
  );
  const key = out.trim().split("\n").at(-1) ?? "";
  expect(key, out).toMatch(/^\S{20,}$/);
  return key;
}

/** The raw message the run's SMTP server received for this recipient. */
function mailTo(recipient: string): string | null {
  const dir = process.env.E2E_MAIL_DIR ?? "";
  if (!existsSync(dir)) return null;
  for (const file of readdirSync(dir).sort()) {
    const raw = readFileSync(path.join(dir, file), "utf8");
    if (raw.startsWith(`X-Envelope-To: ${recipient}\r\n`)) return raw;
  }
  return null;
}

test("a platform with a CLI-made key e-mails a relink link; the customer completes it; the platform reads the new credentials", async ({
  page,
  browser,
}) => {
  const keyName = `platform-e2e-${STAMP}`;
  const key = createKeyWithCli(keyName, "connections:read,connections:write,credentials:read");
  const api = (method: "GET" | "POST", p: string, data?: unknown) =>
    page.request.fetch(`/api/v1${p}`, {
      method,
      headers: { authorization: `Bearer ${key}`, ...(data ? { "idempotency-key": `e2e-${STAMP}-${p}` } : {}) },
      data,
    });

  const [c] = query<{ id: string; display_name: string }>(
    `SELECT c.id, i.display_name FROM connections c JOIN integrations i ON i.provider = c.provider
      WHERE c.tenant_id = 'ten_globex' AND c.needs_relink = 1 AND c.user_paused = 0 AND i.use_sandbox = 1
      ORDER BY c.id LIMIT 1`,
  );
  if (!c) throw new Error("no Globex connection needs relink through the sandbox in the demo data");
  const listed = await api("GET", "/connections?limit=25");
  expect(listed.status(), await listed.text()).toBe(200);
  expect(((await listed.json()) as { data: unknown[] }).data).toHaveLength(25);
  const before = await api("GET", `/connections/${c.id}/credentials`);
  expect(before.status(), await before.text()).toBe(200);
  const old = (await before.json()) as { fingerprint: string };

  // The platform asks the console to e-mail the customer a relink link.
  const recipient = `owner-${STAMP}@customer.test`;
  const created = await api("POST", `/connections/${c.id}/relink-links`, { email: recipient, send: true });
  expect(created.status(), await created.text()).toBe(201);
  const link = (await created.json()) as { url: string; email: { sent: boolean; error: string | null } };
  expect(link.email).toEqual({ sent: true, error: null });

  // The real SMTP server got it: a plain-text and an HTML part, both with the link, no internal id.
  await expect.poll(() => mailTo(recipient) !== null, { timeout: 20_000 }).toBe(true);
  const raw = mailTo(recipient)!;
  expect(raw).toMatch(/^Subject: Globex[^\r\n]*: please reconnect /m);
  const text = mimePart(raw, "text/plain") ?? "";
  const html = mimePart(raw, "text/html") ?? "";
  expect(text).toContain(link.url);
  expect(html).toContain(`href="${link.url}"`);
  expect(`${text}${html}`).not.toMatch(/con_|rl_|ten_/);
  const mailedUrl = /https?:\/\/\S+\/link\/[A-Za-z0-9_-]{43}/.exec(text)?.[0];
  expect(mailedUrl).toBe(link.url);

  // The customer opens the e-mail's link in a browser of their own and approves at the provider.
  const customerContext = await browser.newContext();
  const customer = await customerContext.newPage();
  await customer.goto(mailedUrl!);
  await customer.getByRole("button", { name: `Reconnect ${c.display_name}` }).click();
  await expect(customer).toHaveURL(/\/sandbox-oauth\/authorize\?/);
  await customer.getByRole("button", { name: "Approve", exact: true }).click();
  await expect(customer.getByRole("heading", { name: "You're reconnected" })).toBeVisible();
  await customerContext.close();

  // The platform reads the new credentials: the sandbox's fresh tokens, decrypted for its workers.
  const after = await api("GET", `/connections/${c.id}/credentials`);
  expect(after.status(), await after.text()).toBe(200);
  const fresh = (await after.json()) as { fingerprint: string; credentials: Record<string, unknown> };
  expect(fresh.fingerprint).not.toBe(old.fingerprint);
  expect(fresh.credentials.access_token).toEqual(expect.stringMatching(/^sbx_at_/));
  expect(fresh.credentials.refresh_token).toEqual(expect.any(String));
  const connection = (await (await api("GET", `/connections/${c.id}`)).json()) as { status: string };
  expect(connection.status).toBe("active");
  // Both reads are in the audit log, by this key, without the credentials.
  const reads = query<{ actor_label: string; after: string }>(
    "SELECT actor_label, after FROM audit_events WHERE connection_id = ? AND action = 'connection.credentials_read'",
    c.id,
  );
  expect(reads.map((r) => r.actor_label)).toEqual([`API key ${keyName}`, `API key ${keyName}`]);
  expect(JSON.stringify(reads)).not.toContain(String(fresh.credentials.access_token));
});
