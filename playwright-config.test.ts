// Playwright's web server must not depend on a fixed port being free (issue 10, item 14).
import { createServer, type Server } from "node:net";
import { afterAll, beforeAll, expect, it, vi } from "vitest";

const listen = (port: number) =>
  new Promise<Server | null>((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(null));
    server.listen(port, "localhost", () => resolve(server));
  });

let blocker: Server | null = null;
beforeAll(async () => {
  // Something else holds the old fixed port, as it did when npm test failed.
  blocker = await listen(3100);
});
afterAll(() => blocker?.close());

async function loadConfig(env: Record<string, string | undefined>) {
  vi.resetModules();
  const saved = process.env.E2E_PORT;
  if (env.E2E_PORT === undefined) delete process.env.E2E_PORT;
  else process.env.E2E_PORT = env.E2E_PORT;
  try {
    const config = (await import("./playwright.config")).default;
    return { config, chosen: process.env.E2E_PORT };
  } finally {
    if (saved === undefined) delete process.env.E2E_PORT;
    else process.env.E2E_PORT = saved;
  }
}

it("picks a port that is free now, and gives the same one to the web server and the browser", async () => {
  const { config, chosen } = await loadConfig({});
  const baseURL = new URL(config.use?.baseURL ?? "");
  const server = Array.isArray(config.webServer) ? config.webServer[0] : config.webServer;
  expect(baseURL.port).toBe(chosen);
  expect(server?.env?.PORT).toBe(chosen);
  expect(server?.url).toBe(`${baseURL.origin}/login`);
  const probe = await listen(Number(baseURL.port));
  expect(probe).not.toBeNull();
  probe?.close();
});

it("honours an explicit E2E_PORT", async () => {
  const { config } = await loadConfig({ E2E_PORT: "4555" });
  expect(config.use?.baseURL).toBe("http://localhost:4555");
});
