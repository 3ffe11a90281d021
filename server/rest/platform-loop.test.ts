// Issue 11's "done when", as one story over real sockets: a platform holding only an API key made
// by the CLI's own function lists connections, subscribes a webhook endpoint, pauses a connection
// and receives the signed event (a real HTTP receiver; verified with `standardwebhooks`), has a
// relink link e-mailed (a real SMTP server gets it), the customer follows the e-mailed link
// through the sandbox OAuth provider (real HTTP: start, consent decision, callback, token
// exchange), and the platform, told by a credentials_updated webhook, reads the new credentials.
// The console runs on a local port (test/console-http.ts) with the delivery worker the app starts.
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { runApiKeyCli } from "../api-keys/api-key-cli";
import { seedDemo } from "../demo-data/seed-demo";
import { mimePart, startTestSmtp, type TestSmtp } from "../email/testing-smtp";
import { breakConnection, pickConnection } from "../relink/relink-test-helpers";
import { readSandboxConsent } from "../sandbox-oauth/consent";
import { describeEachDb } from "../test/databases";
import { startOutboxWorker, type OutboxWorker } from "../webhooks/outbox-worker";
import { startReceiver, type Receiver } from "../webhooks/testing/receiver";
import { checkContract } from "./test/contract";
import { startConsoleHttp, type ConsoleHttp } from "./test/console-http";

interface Hook {
  id: string;
  type: string;
  data: { connection: { id: string } };
}

describeEachDb(
  "the platform loop over HTTP with a CLI-made key",
  (get) => {
    let consoleHttp: ConsoleHttp;
    let smtp: TestSmtp;
    let receiver: Receiver;
    let worker: OutboxWorker;
    let key = "";
    beforeAll(async () => {
      const db = get().db;
      // The sandbox provider's handlers read the process's database, as in the app.
      globalThis.consoleDb = db;
      consoleHttp = await startConsoleHttp(db);
      smtp = await startTestSmtp();
      receiver = await startReceiver();
      vi.stubEnv("PUBLIC_URL", consoleHttp.origin);
      vi.stubEnv("SMTP_URL", smtp.url);
      worker = startOutboxWorker(db, { idleMs: 50 });
    });
    afterAll(async () => {
      await worker.stop();
      await Promise.all([consoleHttp.close(), smtp.close(), receiver.close()]);
      vi.unstubAllEnvs();
      globalThis.consoleDb = undefined;
    });

    /** A platform's REST call over the network; every answer is checked against the OpenAPI document. */
    async function api<T>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
      const response = await fetch(`${consoleHttp.origin}/api/v1${path}`, {
        method,
        headers: {
          authorization: `Bearer ${key}`,
          ...(body === undefined ? {} : { "content-type": "application/json", "idempotency-key": `loop-${path}` }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const parsed = (await response.json()) as T;
      const contract = checkContract(method, path, response.status, response.headers.get("content-type") ?? "", parsed);
      expect(contract.problems, `${method} ${path}`).toEqual([]);
      return { status: response.status, body: parsed };
    }

    const hooksOf = (type: string, connectionId: string) =>
      receiver.received.filter((r) => {
        const hook = JSON.parse(r.body) as Hook;
        return hook.type === type && hook.data.connection.id === connectionId;
      });

    it("the operator makes the key with the CLI: it prints the key alone on its last line", async () => {
      let out = "";
      const code = await runApiKeyCli(
        get().db,
        [
          "create",
          "--name",
          "acme platform",
          "--scopes",
          "connections:read,connections:write,credentials:read,webhooks:manage",
          "--tenant",
          "acme",
        ],
        { stdout: { write: (t: string) => (out += t) }, stderr: { write: (t: string) => (out += t) } },
        "operator",
      );
      expect(code, out).toBe(0);
      key = out.trim().split("\n").at(-1) ?? "";
      expect(key).toMatch(/^\S{20,}$/);
    });

    it("lists connections, subscribes, pauses one and receives the signed connection.paused", async () => {
      const listed = await api<{ data: { id: string; tenant_id: string }[] }>("GET", "/connections?limit=25");
      expect(listed.status, JSON.stringify(listed.body)).toBe(200);
      expect(listed.body.data.length).toBeGreaterThan(5);
      expect(new Set(listed.body.data.map((c) => c.tenant_id))).toEqual(new Set(["ten_acme"]));

      const endpoint = await api<{ id: string; secret: string }>("POST", "/webhook-endpoints", {
        url: `${receiver.url}/console`,
        events: ["connection.paused", "connection.credentials_updated", "relink_link.completed"],
      });
      expect(endpoint.status).toBe(201);
      const secret = endpoint.body.secret;

      const target = listed.body.data[0]!.id;
      const paused = await api<{ changed: boolean }>("POST", `/connections/${target}/pause`, { reason: "loop test" });
      expect(paused.status).toBe(200);
      await expect.poll(() => hooksOf("connection.paused", target).length, { timeout: 15_000 }).toBe(1);
      const [request] = hooksOf("connection.paused", target);
      const hook = new Webhook(secret).verify(request!.body, request!.headers) as Hook;
      expect(hook).toMatchObject({ type: "connection.paused", data: { connection: { id: target } } });
      expect(() => new Webhook(secret).verify(`${request!.body} `, request!.headers)).toThrow();

      // The delivery log says so too.
      const log = await api<{ data: { event_id: string; status: string; last_status_code: number }[] }>(
        "GET",
        `/webhook-endpoints/${endpoint.body.id}/deliveries`,
      );
      expect(log.body.data.find((d) => d.event_id === hook.id)).toMatchObject({
        status: "succeeded",
        last_status_code: 200,
      });
      // …and the pull API has the same event.
      const events = await api<{ data: { id: string }[] }>("GET", "/events?limit=500");
      expect(events.body.data.map((e) => e.id)).toContain(hook.id);
    });

    it("e-mails a relink link; the customer completes it at the sandbox provider; the platform reads the new credentials", async () => {
      const db = get().db;
      const id = await pickConnection(db, "ten_acme", true, 0);
      await breakConnection(db, id);
      const before = await api<{ fingerprint: string | null }>("GET", `/connections/${id}/credentials`);
      expect(before.status).toBe(200);

      const created = await api<{ url: string; email: { sent: boolean; error: string | null } }>(
        "POST",
        `/connections/${id}/relink-links`,
        { email: "owner@customer.test", send: true, expires_in_hours: 48 },
      );
      expect(created.status).toBe(201);
      expect(created.body.email).toEqual({ sent: true, error: null });
      expect(created.body.url.startsWith(`${consoleHttp.origin}/link/`)).toBe(true);

      // The customer's mailbox (the SMTP server) has it, with the link in both parts.
      const mail = smtp.messages.find((m) => m.to.includes("owner@customer.test"));
      if (!mail) throw new Error("the SMTP server received no relink e-mail");
      const text = mimePart(mail.raw, "text/plain") ?? "";
      expect(mimePart(mail.raw, "text/html")).toContain(`href="${created.body.url}"`);
      const mailed = /https?:\/\/\S+\/link\/[A-Za-z0-9_-]{43}/.exec(text)?.[0] ?? "";
      expect(mailed).toBe(created.body.url);

      // The customer: "Reconnect" posts to the link's start, which sends them to the provider.
      const token = mailed.split("/link/")[1] ?? "";
      const start = await fetch(`${mailed}/start`, { method: "POST", redirect: "manual" });
      expect(start.status).toBe(303);
      const cookie = (start.headers.getSetCookie()[0] ?? "").split(";")[0] ?? "";
      const authorize = new URL(start.headers.get("location") ?? "");
      expect(`${authorize.origin}${authorize.pathname}`).toBe(`${consoleHttp.origin}/sandbox-oauth/authorize`);
      // The consent page's form posts the checked request back with the customer's choice.
      const consent = await readSandboxConsent(Object.fromEntries(authorize.searchParams));
      if (!consent?.ok) throw new Error("the sandbox refused the authorize request");
      const decision = await fetch(`${consoleHttp.origin}/sandbox-oauth/authorize/decision`, {
        method: "POST",
        redirect: "manual",
        body: new URLSearchParams({ ...consent.params, decision: "approve" }),
      });
      expect(decision.status).toBe(303);
      const callback = new URL(decision.headers.get("location") ?? "");
      expect(callback.pathname).toBe("/link/callback");
      // Back at the console: the code is exchanged over HTTP at the sandbox's token endpoint.
      const done = await fetch(callback, { redirect: "manual", headers: { cookie } });
      expect(done.headers.get("location")).toBe(`${consoleHttp.origin}/link/${token}?done=1`);

      // The platform hears of it, then reads the fresh credentials (each read audited).
      await expect.poll(() => hooksOf("connection.credentials_updated", id).length, { timeout: 15_000 }).toBe(1);
      expect(hooksOf("relink_link.completed", id)).toHaveLength(1);
      const after = await api<{ fingerprint: string; credentials: Record<string, unknown> }>(
        "GET",
        `/connections/${id}/credentials`,
      );
      expect(after.status).toBe(200);
      expect(after.body.fingerprint).not.toBe(before.body.fingerprint);
      expect(after.body.credentials.access_token).toEqual(expect.stringMatching(/^sbx_at_/));
      const connection = await api<{ status: string; needs_relink: boolean }>("GET", `/connections/${id}`);
      expect(connection.body).toMatchObject({ status: "active", needs_relink: false });
      const reads = await db
        .selectFrom("audit_events")
        .select(["actor_label", "after"])
        .where("connection_id", "=", id)
        .where("action", "=", "connection.credentials_read")
        .execute();
      expect(reads.map((r) => r.actor_label)).toEqual(["API key acme platform", "API key acme platform"]);
      expect(JSON.stringify(reads)).not.toContain(String(after.body.credentials.access_token));
    });
  },
  async (t) => {
    await seedDemo(t.db, { connections: 200, seed: 29 });
  },
);
