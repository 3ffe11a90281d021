// relink.create over HTTP with forged Host / X-Forwarded-* headers: the link is on the configured
// origin. The session is stubbed (next-auth needs a Next request); everything else is real.
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import type { DB } from "../db";
import { seedDemo } from "./demo-data/seed-demo";
import { handleTRPCRequest } from "./http/trpc-handler";
import { publicOrigin } from "./http/public-origin";
import { breakConnection, pickConnection } from "./relink/relink-test-helpers";
import { acmeAdmin } from "./test/callers";
import { describeEachDb } from "./test/databases";
import { createContext } from "./context";

vi.mock("./auth/get-session-user", () => ({ getSessionUser: () => Promise.resolve(acmeAdmin()) }));

describeEachDb(
  "createContext: the origin of relink links is configuration, not a request header",
  (get) => {
    let previous: DB | undefined;
    beforeAll(() => {
      previous = globalThis.consoleDb;
      globalThis.consoleDb = get().db;
    });
    afterAll(() => {
      globalThis.consoleDb = previous;
    });

    it("relink.create with X-Forwarded-Host: evil.example returns a link on the configured origin", async () => {
      const db = get().db;
      const connectionId = await pickConnection(db, "ten_acme", true, 0);
      await breakConnection(db, connectionId);
      const request = new Request(`${publicOrigin()}/api/trpc/relink.create`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          host: "evil.example",
          "x-forwarded-host": "evil.example",
          "x-forwarded-proto": "https",
        },
        body: JSON.stringify({ json: { connectionId } }),
      });
      const response = await handleTRPCRequest(request, () => createContext());
      expect(response.status).toBe(200);
      const body = (await response.json()) as { result: { data: { json: { url: string } } } };
      const url = new URL(body.result.data.json.url);
      expect(url.origin).toBe(publicOrigin());
      expect(url.pathname).toMatch(/^\/link\/[A-Za-z0-9_-]{43}$/);
    });
  },
  async (t) => {
    await seedDemo(t.db, { connections: 100, seed: 21 });
  },
);
