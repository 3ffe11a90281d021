// Idempotency-Key on REST POSTs: a retry gets the first answer without a second change; the same
// key with another body is a 422; a key still running is a 409; failures (5xx) are not kept.
import { afterAll, expect, it } from "vitest";
import { describeEachDb } from "../test/databases";
import type { Problem } from "./problem";
import { IDEMPOTENCY_TTL_MS, requestHash, startIdempotent } from "./idempotency";
import { contractLog, restCall } from "./test/rest-client";
import { ACME, GLOBEX, makeKey, seedRestFixture, type RestKeys } from "./test/rest-fixture";

afterAll(() => {
  expect(contractLog.filter((c) => c.problems.length > 0)).toEqual([]);
});

interface Issued {
  id: string;
  url: string;
}

describeEachDb("REST Idempotency-Key", (get) => {
  let keys: RestKeys;
  const db = () => get().db;
  const links = async () =>
    (await db().selectFrom("relink_links").select("id").where("connection_id", "=", ACME).execute()).length;
  const post = <T>(path: string, key: string, body: unknown, idempotencyKey?: string) =>
    restCall<T>(db(), "POST", path, {
      key,
      body,
      headers: idempotencyKey === undefined ? {} : { "idempotency-key": idempotencyKey },
    });

  it("seeds keys", async () => {
    keys = await seedRestFixture(db());
  });

  it("a retry gets the stored answer (same link, same URL) and creates nothing more", async () => {
    const before = await links();
    const first = await post<Issued>(
      `/connections/${ACME}/relink-links`,
      keys.acme,
      { expires_in_hours: 5 },
      "retry-1",
    );
    expect(first.status).toBe(201);
    expect(first.headers.get("idempotent-replayed")).toBeNull();
    const again = await post<Issued>(
      `/connections/${ACME}/relink-links`,
      keys.acme,
      { expires_in_hours: 5 },
      "retry-1",
    );
    expect(again.status).toBe(201);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(again.body).toEqual(first.body);
    expect(await links()).toBe(before + 1);
    // Without the header, a second call is a second link.
    await post<Issued>(`/connections/${ACME}/relink-links`, keys.acme, { expires_in_hours: 5 });
    expect(await links()).toBe(before + 2);
  });

  it("the body is compared as JSON: reordered keys are the same request, other values are a 422", async () => {
    const body = { destination_parameters: { mode: "append", table: "t" }, note: "n" };
    const first = await post<{ id: string }>(`/connections/${ACME}/runs`, keys.acme, body, "run-1");
    const reordered = await post<{ id: string }>(
      `/connections/${ACME}/runs`,
      keys.acme,
      { note: "n", destination_parameters: { table: "t", mode: "append" } },
      "run-1",
    );
    expect(reordered.body.id).toBe(first.body.id);
    const other = await post<Problem>(`/connections/${ACME}/runs`, keys.acme, { note: "other" }, "run-1");
    expect(other.status).toBe(422);
    expect(other.body).toMatchObject({
      type: "http://console.test/settings/api#problem-idempotency-key-reused",
      detail: expect.stringMatching(/different body/),
    });
    const requests = await db().selectFrom("run_requests").select("id").where("connection_id", "=", ACME).execute();
    expect(requests).toHaveLength(1);
  });

  it("keys are per API key and per path", async () => {
    const other = await makeKey(db(), "another acme key", ["connections:write"], "ten_acme");
    const a = await post<Issued>(`/connections/${ACME}/relink-links`, keys.acme, {}, "shared");
    const b = await post<Issued>(`/connections/${ACME}/relink-links`, other, {}, "shared");
    expect(b.status).toBe(201);
    expect(b.body.id).not.toBe(a.body.id);
    const pause = await post<{ changed: boolean }>(`/connections/${ACME}/pause`, keys.acme, { reason: "x" }, "shared");
    expect(pause.status).toBe(200);
  });

  it("a replayed pause says what the first call did (changed: true), not what a second call would", async () => {
    await post(`/connections/${ACME}/resume`, keys.acme, {});
    const first = await post<{ changed: boolean }>(`/connections/${ACME}/pause`, keys.acme, { reason: "r" }, "pause-2");
    const replay = await post<{ changed: boolean }>(
      `/connections/${ACME}/pause`,
      keys.acme,
      { reason: "r" },
      "pause-2",
    );
    expect([first.body.changed, replay.body.changed]).toEqual([true, true]);
    const audits = await db()
      .selectFrom("audit_events")
      .select("id")
      .where("connection_id", "=", ACME)
      .where("action", "=", "connection.pause")
      .where("note", "=", "r")
      .execute();
    expect(audits).toHaveLength(1);
  });

  it("4xx answers are kept and replayed; 5xx are not (the retry runs)", async () => {
    const missing = await post<Problem>(`/connections/${GLOBEX}/pause`, keys.acme, { reason: "x" }, "kept-404");
    const replay = await post<Problem>(`/connections/${GLOBEX}/pause`, keys.acme, { reason: "x" }, "kept-404");
    expect([missing.status, replay.status]).toEqual([404, 404]);
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(replay.headers.get("content-type")).toBe("application/problem+json");

    // A 5xx answer is dropped with its key, so the retry runs afresh.
    const apiKey = await db().selectFrom("api_keys").select("id").where("name", "=", "acme").executeTakeFirstOrThrow();
    const request = { apiKeyId: apiKey.id, path: "/connections/x/pause", key: "not-kept", body: { reason: "r" } };
    const first = await startIdempotent(db(), request);
    if (first.kind !== "first") throw new Error("expected a first request");
    await first.finish({ status: 503, body: "{}" });
    expect(
      await db().selectFrom("idempotency_keys").select("path").where("idempotency_key", "=", "not-kept").execute(),
    ).toEqual([]);
    expect((await startIdempotent(db(), { ...request, body: { reason: "other" } })).kind).toBe("first");
  });

  it("a key whose first request is still running is a 409 with Retry-After; an abandoned or expired one runs again", async () => {
    const apiKey = await db().selectFrom("api_keys").select("id").where("name", "=", "acme").executeTakeFirstOrThrow();
    const row = (key: string, createdAt: string, done: boolean) => ({
      api_key_id: apiKey.id,
      path: `/connections/${ACME}/relink-links`,
      idempotency_key: key,
      // the hash of the body these calls send: {}
      request_hash: requestHash({}),
      status_code: done ? 201 : null,
      response_body: done ? '{"id":"old"}' : null,
      created_at: createdAt,
    });
    await db()
      .insertInto("idempotency_keys")
      .values([
        row("running", new Date().toISOString(), false),
        row("abandoned", new Date(Date.now() - 10 * 60_000).toISOString(), false),
        row("expired", new Date(Date.now() - IDEMPOTENCY_TTL_MS - 60_000).toISOString(), true),
      ])
      .execute();
    const running = await post<Problem>(`/connections/${ACME}/relink-links`, keys.acme, {}, "running");
    expect(running.status).toBe(409);
    expect(running.headers.get("retry-after")).toBe("1");
    expect(running.body.detail).toMatch(/still being answered/);
    expect((await post(`/connections/${ACME}/relink-links`, keys.acme, {}, "abandoned")).status).toBe(201);
    const expired = await post<Issued>(`/connections/${ACME}/relink-links`, keys.acme, {}, "expired");
    expect(expired.status).toBe(201);
    expect(expired.body.id).not.toBe("old");
  });

  it("concurrent requests with one key make one change", async () => {
    const before = await links();
    const answers = await Promise.all(
      Array.from({ length: 8 }, () => post<Issued>(`/connections/${ACME}/relink-links`, keys.acme, {}, "burst")),
    );
    expect(await links()).toBe(before + 1);
    const statuses = answers.map((a) => a.status);
    expect(statuses).toContain(201);
    for (const status of statuses) expect([201, 409]).toContain(status);
    const created = answers.filter((a) => a.status === 201).map((a) => a.body.id);
    expect(new Set(created).size).toBe(1);
  });

  it("a malformed Idempotency-Key is a 400; GETs ignore the header", async () => {
    const long = await post<Problem>(`/connections/${ACME}/relink-links`, keys.acme, {}, "k".repeat(256));
    expect(long.status).toBe(400);
    expect(long.body.detail).toMatch(/Idempotency-Key header must be 1 to 255 visible ASCII/);
    const get = await restCall(db(), "GET", `/connections/${ACME}`, {
      key: keys.acme,
      headers: { "idempotency-key": "k".repeat(300) },
    });
    expect(get.status).toBe(200);
  });
});
