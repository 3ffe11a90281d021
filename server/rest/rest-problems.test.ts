// Every way a REST call can go wrong answers a 4xx problem+json (RFC 9457) whose detail says what
// to change — never a 500, never HTML. Each answer also passes the contract check.
import { afterAll, expect, it } from "vitest";
import { describeEachDb } from "../test/databases";
import type { Problem } from "./problem";
import { contractLog, restCall } from "./test/rest-client";
import { ACME, GLOBEX, seedRestFixture, type RestKeys } from "./test/rest-fixture";

afterAll(() => {
  expect(contractLog.filter((c) => c.problems.length > 0)).toEqual([]);
});

describeEachDb("REST API v1 problems", (get) => {
  let keys: RestKeys;
  const db = () => get().db;
  const problem = (status: number, kind: string, detail: RegExp) => ({
    status,
    body: expect.objectContaining({
      type: `http://console.test/settings/api#problem-${kind}`,
      title: expect.any(String),
      status,
      detail: expect.stringMatching(detail),
    }) as unknown,
  });
  const call = async (method: string, path: string, options: Parameters<typeof restCall>[3] = {}) => {
    const answer = await restCall<Problem>(db(), method, path, options);
    return { status: answer.status, body: answer.body, headers: answer.headers };
  };

  it("seeds keys", async () => {
    keys = await seedRestFixture(db());
  });

  it("401: no key, a malformed header, an unknown or revoked key — with WWW-Authenticate", async () => {
    const none = await call("GET", "/connections");
    expect(none).toMatchObject(problem(401, "unauthorized", /Missing API key/));
    expect(none.headers.get("www-authenticate")).toBe('Bearer realm="api"');
    expect(none.headers.get("content-type")).toBe("application/problem+json");
    expect(await call("GET", "/connections", { headers: { authorization: "Basic dXNlcjpwdw==" } })).toMatchObject(
      problem(401, "unauthorized", /Malformed Authorization header/),
    );
    expect(await call("GET", "/connections", { key: "cck_nope" })).toMatchObject(
      problem(401, "unauthorized", /Invalid or revoked API key/),
    );
  });

  it("403: a scope the key lacks (a read-only key cannot pause; an ingest key cannot read)", async () => {
    const pause = await call("POST", `/connections/${ACME}/pause`, { key: keys.acmeReader, body: { reason: "x" } });
    expect(pause).toMatchObject(
      problem(403, "missing-scope", /lacks the scope connections:write \(it has: connections:read\)/),
    );
    const row = await db()
      .selectFrom("connections")
      .select("user_paused")
      .where("id", "=", ACME)
      .executeTakeFirstOrThrow();
    expect(row.user_paused).toBe(0);
    expect(await call("GET", "/connections", { key: keys.ingestOnly })).toMatchObject(
      problem(403, "missing-scope", /lacks the scope connections:read/),
    );
  });

  it("404: unknown operation, unknown or foreign connection and link", async () => {
    expect(await call("GET", "/nothing/here", { key: keys.acme })).toMatchObject(
      problem(404, "not-found", /no API operation at \/nothing\/here/),
    );
    expect(await call("GET", "/connections/con_nope", { key: keys.acme })).toMatchObject(
      problem(404, "not-found", /No connection with that id or platform reference/),
    );
    expect(await call("GET", `/connections/${GLOBEX}`, { key: keys.acme })).toMatchObject(
      problem(404, "not-found", /./),
    );
    expect(await call("GET", "/connections/sap:123", { key: keys.acme })).toMatchObject(problem(404, "not-found", /./));
    expect(await call("POST", "/relink-links/rl_nope/revoke", { key: keys.acme })).toMatchObject(
      problem(404, "not-found", /Link not found/),
    );
  });

  it("405: a method the path does not take, with Allow", async () => {
    const answer = await call("DELETE", `/connections/${ACME}`, { key: keys.acme });
    expect(answer).toMatchObject(
      problem(405, "method-not-allowed", /DELETE is not an operation on this path; it takes GET/),
    );
    expect(answer.headers.get("allow")).toBe("GET");
    const both = await call("PUT", `/connections/${ACME}/relink-links`, { key: keys.acme });
    expect(both.headers.get("allow")).toBe("POST, GET");
    expect((await call("POST", "/openapi.json")).status).toBe(405);
  });

  it("409: a used link cannot be revoked; a job id already taken", async () => {
    const link = await restCall<{ id: string }>(db(), "POST", `/connections/${ACME}/relink-links`, {
      key: keys.acme,
      body: {},
    });
    await db()
      .updateTable("relink_links")
      .set({ used_at: new Date().toISOString() })
      .where("id", "=", link.body.id)
      .execute();
    expect(await call("POST", `/relink-links/${link.body.id}/revoke`, { key: keys.acme })).toMatchObject(
      problem(409, "conflict", /already been used/),
    );
  });

  it("400: bad query values, unknown or repeated parameters, bad cursors, invalid bodies — naming each field", async () => {
    const status = await call("GET", "/connections?status=paused", { key: keys.acme });
    expect(status).toMatchObject(problem(400, "invalid-request", /status\[0\]/));
    expect(status.body.errors?.[0]?.field).toBe("status[0]");
    expect(await call("GET", "/connections?limit=10", { key: keys.acme })).toMatchObject(
      problem(400, "invalid-request", /limit/),
    );
    expect(await call("GET", "/connections?needs_relink=yes", { key: keys.acme })).toMatchObject(
      problem(400, "invalid-request", /needs_relink/),
    );
    expect(await call("GET", "/connections?auth_expires_within_days=99999", { key: keys.acme })).toMatchObject(
      problem(400, "invalid-request", /auth_expires_within_days/),
    );
    expect(await call("GET", "/connections?created_from=yesterday", { key: keys.acme })).toMatchObject(
      problem(400, "invalid-request", /created_from/),
    );
    expect(await call("GET", "/connections?stauts=error", { key: keys.acme })).toMatchObject(
      problem(400, "invalid-request", /stauts — Unknown query parameter/),
    );
    expect(await call("GET", "/connections?q=a&q=b", { key: keys.acme })).toMatchObject(
      problem(400, "invalid-request", /q — Given more than once/),
    );
    expect(await call("GET", "/connections?cursor=abc", { key: keys.acme })).toMatchObject(
      problem(400, "invalid-request", /cursor: not a cursor this list produced/),
    );
    expect(await call("POST", `/connections/${ACME}/pause`, { key: keys.acme, body: {} })).toMatchObject(
      problem(400, "invalid-request", /body\.reason/),
    );
    expect(
      await call("POST", `/connections/${ACME}/pause`, { key: keys.acme, body: { reason: "x", expected_version: 3 } }),
    ).toMatchObject(problem(400, "invalid-request", /expected_version/));
    expect(
      await call("POST", `/connections/${ACME}/relink-links`, { key: keys.acme, body: { expires_in_hours: 0 } }),
    ).toMatchObject(problem(400, "invalid-request", /body\.expires_in_hours/));
    expect(
      await call("POST", `/connections/${ACME}/relink-links`, { key: keys.acme, body: { email: "nope" } }),
    ).toMatchObject(problem(400, "invalid-request", /body\.email/));
    expect(await call("POST", `/connections/${ACME}/pause`, { key: keys.acme, rawBody: "{reason:" })).toMatchObject(
      problem(400, "invalid-request", /not valid JSON/),
    );
    expect(await call("POST", `/connections/${ACME}/pause`, { key: keys.acme, rawBody: "[1,2]" })).toMatchObject(
      problem(400, "invalid-request", /body/),
    );
    expect(await call("GET", "/connections/%E0%A4%A", { key: keys.acme })).toMatchObject(
      problem(400, "invalid-request", /not valid percent-encoding/),
    );
  });

  it("NUL bytes and lone surrogates anywhere give 400: path, query, query name, body value, body key", async () => {
    expect(await call("GET", "/connections/con%00x", { key: keys.acme })).toMatchObject(
      problem(400, "invalid-request", /NUL character/),
    );
    expect(await call("GET", "/connections?q=a%00b", { key: keys.acme })).toMatchObject(
      problem(400, "invalid-request", /q — Contains a NUL character/),
    );
    expect(await call("GET", "/connections?q%00=a", { key: keys.acme })).toMatchObject(
      problem(400, "invalid-request", /NUL/),
    );
    // A surrogate cannot arrive percent-encoded: invalid UTF-8 in a URL decodes to U+FFFD, a plain search.
    expect((await call("GET", "/connections?q=%ED%A0%80", { key: keys.acme })).status).toBe(200);
    expect(
      await call("POST", `/connections/${ACME}/pause`, { key: keys.acme, rawBody: '{"reason":"stop\\u0000now"}' }),
    ).toMatchObject(problem(400, "invalid-request", /body\.reason contains a NUL character/));
    expect(
      await call("POST", `/connections/${ACME}/runs`, {
        key: keys.acme,
        rawBody: '{"source_parameters":{"a\\u0000":1}}',
      }),
    ).toMatchObject(problem(400, "invalid-request", /\(a key\) contains a NUL/));
    expect(
      await call("POST", `/connections/${ACME}/pause`, { key: keys.acme, rawBody: '{"reason":"\\ud800"}' }),
    ).toMatchObject(problem(400, "invalid-request", /unpaired UTF-16 surrogate/));
  });

  it("huge or deep inputs give 4xx: 413 body, 414 URL, 400 deep JSON and over-long values, 415 not JSON", async () => {
    const big = JSON.stringify({ reason: "x".repeat(300 * 1024) });
    expect(await call("POST", `/connections/${ACME}/pause`, { key: keys.acme, rawBody: big })).toMatchObject(
      problem(413, "payload-too-large", /larger than 256 KB/),
    );
    expect(await call("GET", `/connections?q=${"a".repeat(9000)}`, { key: keys.acme })).toMatchObject(
      problem(414, "uri-too-long", /longer than 8192 bytes/),
    );
    expect(await call("GET", `/connections?q=${"a".repeat(500)}`, { key: keys.acme })).toMatchObject(
      problem(400, "invalid-request", /q/),
    );
    expect(await call("GET", `/connections/${"c".repeat(5000)}`, { key: keys.acme })).toMatchObject(
      problem(400, "invalid-request", /id/),
    );
    const deep = `{"source_parameters":${'{"a":'.repeat(40)}1${"}".repeat(40)}}`;
    expect(await call("POST", `/connections/${ACME}/runs`, { key: keys.acme, rawBody: deep })).toMatchObject(
      problem(400, "invalid-request", /nests deeper than 32/),
    );
    const deeper = "[".repeat(100_000) + "]".repeat(100_000);
    expect((await call("POST", `/connections/${ACME}/runs`, { key: keys.acme, rawBody: deeper })).status).toBe(400);
    expect(
      await call("POST", `/connections/${ACME}/pause`, {
        key: keys.acme,
        rawBody: "reason=x",
        headers: { "content-type": "application/x-www-form-urlencoded" },
      }),
    ).toMatchObject(problem(415, "unsupported-media-type", /Content-Type: application\/json/));
    expect(
      await call("POST", `/connections/${ACME}/pause`, { key: keys.acme, body: { reason: "r".repeat(501) } }),
    ).toMatchObject(problem(400, "invalid-request", /body\.reason/));
    expect(
      await call("POST", `/connections/${ACME}/runs`, { key: keys.acme, body: { job_id: "j".repeat(201) } }),
    ).toMatchObject(problem(400, "invalid-request", /body\.job_id/));
  });
});
