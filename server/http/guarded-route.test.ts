import { afterEach, expect, it, vi } from "vitest";
import { log } from "../log";
import { guardedRoute, unsafeQueryMessage } from "./guarded-route";

afterEach(() => {
  vi.restoreAllMocks();
});

it("refuses a NUL in any query parameter's name or value, naming it, before the handler runs", async () => {
  const handler = vi.fn(() => Promise.resolve(new Response("ran")));
  const get = guardedRoute("test", handler);
  const res = await get(new Request("http://localhost/api/x?format=csv&q=a%00b"));
  expect(res.status).toBe(400);
  expect(await res.json()).toEqual({
    error: "Invalid input: query parameter q — Contains a NUL character (U+0000), which is not allowed in text.",
  });
  expect(handler).not.toHaveBeenCalled();
  expect(unsafeQueryMessage(new URLSearchParams("a%00=1"))).toMatch(/^Invalid input: query parameter a\\u0000 — /);
  expect(unsafeQueryMessage(new URLSearchParams("q=caf%C3%A9&status=error"))).toBeNull();
});

it("answers a thrown error with 500 JSON holding only the request id; the log has the detail", async () => {
  const logged = vi.spyOn(log, "error").mockImplementation(() => undefined);
  const get = guardedRoute("test", () => Promise.reject(new Error('relation "secret_table" does not exist')));
  const res = await get(new Request("http://localhost/api/x"));
  expect(res.status).toBe(500);
  const text = await res.text();
  expect(text).not.toContain("secret_table");
  const requestId = res.headers.get("x-request-id");
  expect(JSON.parse(text)).toEqual({ error: `Internal error (request id ${requestId}).`, requestId });
  expect(logged.mock.calls[0]?.[0]).toMatchObject({ requestId, route: "test" });
});

it("passes the handler's own answer and extra arguments through", async () => {
  const post = guardedRoute("test", (_req: Request, ctx: { kind: string }) =>
    Promise.resolve(Response.json({ kind: ctx.kind }, { status: 201 })),
  );
  const res = await post(new Request("http://localhost/api/x?format=codat"), { kind: "runs" });
  expect(res.status).toBe(201);
  expect(await res.json()).toEqual({ kind: "runs" });
});
