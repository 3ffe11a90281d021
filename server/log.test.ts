import { Writable } from "node:stream";
import { expect, it } from "vitest";
import { createLogger, redactForLog, REDACTED } from "./log";

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(chunk.toString("utf8"));
      done();
    },
  });
  return {
    logger: createLogger(stream, "info"),
    lines: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>),
  };
}

it("writes JSON lines with level, time, message and the bound fields", () => {
  const { logger, lines } = capture();
  logger.info({ requestId: "abc" }, "hello");
  const [line] = lines();
  expect(line).toMatchObject({ level: "info", msg: "hello", requestId: "abc", service: "connections-console" });
  expect(typeof line?.time).toBe("string");
});

it("redacts secret-named keys at any depth, in errors too, and keeps the rest", () => {
  const { logger, lines } = capture();
  const err = Object.assign(new Error("driver said no"), { detail: "fine", password: "hunter2" });
  logger.error(
    {
      err,
      req: { headers: { Authorization: "Bearer k", cookie: "s=1", "x-api-key": "k2", accept: "json" } },
      body: { sourceParameters: [{ client_secret: "s", access_token: "t", credentials: { a: 1 }, name: "n" }] },
    },
    "failed",
  );
  const text = JSON.stringify(lines());
  for (const secret of ["hunter2", "Bearer k", "s=1", "k2", '"s"', '"t"']) expect(text).not.toContain(secret);
  const [line] = lines();
  expect(line).toMatchObject({
    err: { message: "driver said no", detail: "fine", password: REDACTED, type: "Error" },
    req: { headers: { Authorization: REDACTED, cookie: REDACTED, "x-api-key": REDACTED, accept: "json" } },
    body: { sourceParameters: [{ client_secret: REDACTED, access_token: REDACTED, credentials: REDACTED, name: "n" }] },
  });
  expect(String((line?.err as { stack?: string }).stack)).toContain("driver said no");
});

it("survives cycles and very deep values", () => {
  const a: Record<string, unknown> = { name: "a" };
  a.self = a;
  expect(redactForLog(a)).toEqual({ name: "a", self: "[circular]" });
  let deep: unknown = "x";
  for (let i = 0; i < 20; i++) deep = { d: deep };
  expect(JSON.stringify(redactForLog(deep))).toContain("[too deep]");
});

it("is silent under tests unless LOG_LEVEL says otherwise", () => {
  expect(createLogger(undefined).level).toBe(process.env.LOG_LEVEL ? process.env.LOG_LEVEL : "silent");
});
