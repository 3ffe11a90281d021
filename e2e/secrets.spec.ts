// Secrets never reach a browser: credentials and secret-named run parameters are pushed through
// the ingest API with one random marker, then every console page (and every tab of the planted
// connections' detail pages) is rendered as every role, signed out included. The HTML and every
// response the page receives (tRPC, RSC payloads, exports) must hold no marker.
// The same is checked below the pages by server/security/secrets.test.ts (procedures, loaders,
// exports, REST, log output), on SQLite and PostgreSQL.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Page, Response } from "@playwright/test";
import { expect, queryDb, test, type DemoUser } from "./fixtures";

// Each crawl opens every page and tab as one role: about 3 min on a busy 2-core machine.
test.describe.configure({ mode: "serial", timeout: 480_000 });

const MARKER = `e2esecret${Date.now().toString(36)}`;
const UNIFIED_ID = "secrets-e2e-unified";
const DTO_ID = "secrets-e2e-dto";

const DETAIL_TABS = ["overview", "auth", "errors", "runs", "link", "metadata", "activity", "relink"];
const PAGES = [
  "/",
  "/connections",
  "/connections?q=secrets-e2e",
  "/errors",
  "/audit",
  "/relink",
  "/settings/api-keys",
  "/settings/api",
  "/settings/webhooks",
  "/mailbox",
];

const fixture = (name: string) =>
  JSON.parse(readFileSync(path.resolve("server/adapters/fixtures/constructed", name), "utf8")) as Record<
    string,
    unknown
  >;

async function trpcMutation<T>(page: Page, path: string, input: unknown): Promise<T> {
  const response = await page.request.post(`/api/trpc/${path}`, {
    headers: { "content-type": "application/json" },
    data: { json: input },
  });
  expect(response.status(), await response.text()).toBe(200);
  return ((await response.json()) as { result: { data: { json: T } } }).result.data.json;
}

async function ingest(page: Page, format: string, key: string, records: unknown[]) {
  const response = await page.request.post(`/api/ingest/connections?format=${format}`, {
    headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
    data: records,
  });
  const text = await response.text();
  expect(response.status(), text).toBe(200);
  expect(text).not.toContain(MARKER);
}

/** The console ids of the planted connections (the crawl fails if planting did not happen). */
function plantedIds(): string[] {
  const rows = queryDb<{ id: string }>(
    "SELECT id FROM connections WHERE platform_id IN (?, ?) ORDER BY platform_id",
    UNIFIED_ID,
    DTO_ID,
  );
  expect(rows, "the planting test must run first").toHaveLength(2);
  return rows.map((r) => r.id);
}

/** Everything a page load brings to the browser: the documents, RSC payloads and API answers. */
function recordResponses(page: Page): string[] {
  const bodies: string[] = [];
  page.on("response", (response: Response) => {
    const url = response.url();
    if (url.includes("/_next/static/")) return;
    const type = response.headers()["content-type"] ?? "";
    if (!/html|json|text|x-component|csv/.test(type)) return;
    void response.text().then(
      (text) => bodies.push(`${url}\n${text}`),
      () => undefined,
    );
  });
  return bodies;
}

test.describe("planting secrets through the ingest API", () => {
  test.use({ signedInAs: "support" });

  test("a unified connection with tokens and a Workiva connection with secret-named run parameters", async ({
    page,
  }) => {
    await page.goto("/connections");
    const key = async (platform: string) =>
      (
        await trpcMutation<{ key: string }>(page, "apiKeys.create", {
          name: `secrets e2e ${platform}`,
          platform,
          tenantId: "ten_acme",
        })
      ).key;
    await ingest(page, "unified", await key("unified"), [
      {
        ...fixture("unified-connection-full.json"),
        id: UNIFIED_ID,
        auth: {
          access_token: `${MARKER}-access`,
          refresh_token: `${MARKER}-refresh`,
          client_secret: `${MARKER}-client-secret`,
        },
        // Not part of Unified's model: kept as an unmapped field, shown redacted.
        api_key: `${MARKER}-unmapped-api-key`,
      },
    ]);
    const dto = fixture("workiva-connection-full.json");
    await ingest(page, "dto", await key("workiva"), [
      {
        ...dto,
        connectionId: DTO_ID,
        lastRunSourceParameters: { quarter: "Q1", password: `${MARKER}-password` },
        lastRunDestinationParameters: { range: "A1", apiKey: `${MARKER}-dest-key` },
        lastRun: {
          ...(dto.lastRun as Record<string, unknown>),
          connectionId: DTO_ID,
          sourceParameters: { quarter: "Q1", password: `${MARKER}-run-password` },
          destinationParameters: { range: "A1", token: `${MARKER}-run-token` },
        },
      },
    ]);
    expect(plantedIds()).toHaveLength(2);
  });
});

const ROLES: (DemoUser | null)[] = ["support", "acmeAdmin", "acmeViewer", "globexAdmin", null];

for (const role of ROLES) {
  test.describe(`every page as ${role ?? "signed out"}`, () => {
    test.use({ signedInAs: role });

    test("no marker in any page, tab or response", async ({ page }) => {
      const bodies = recordResponses(page);
      const urls = [...PAGES];
      for (const id of plantedIds()) for (const tab of DETAIL_TABS) urls.push(`/connections/${id}?tab=${tab}`);
      const leaks: string[] = [];
      // Downloads: fetched with the page's cookies rather than navigated to.
      for (const url of [
        "/api/export/connections?q=secrets-e2e",
        "/api/export/connections?format=json",
        "/api/export/audit",
      ]) {
        const text = await (await page.request.get(url)).text();
        if (text.includes(MARKER)) leaks.push(`${url}: the download holds the marker`);
      }
      for (const url of urls) {
        const response = await page.goto(url);
        await page.waitForLoadState("networkidle").catch(() => undefined);
        const html = await page.content();
        if (html.includes(MARKER)) leaks.push(`${url} (${response?.status() ?? "?"}): the page holds the marker`);
      }
      for (const body of bodies) if (body.includes(MARKER)) leaks.push(`response ${body.split("\n")[0] ?? ""}`);
      // The recorder saw every page (signed out, each is the sign-in page and nothing more).
      expect(bodies.length).toBeGreaterThanOrEqual(urls.length);
      expect(leaks).toEqual([]);
    });
  });
}
