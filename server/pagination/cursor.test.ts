import { expect, it } from "vitest";
import { BadRequestError } from "../errors";
import { decodeCursor, encodeCursor } from "./cursor";

const raw = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

it("round-trips what it encodes", () => {
  expect(decodeCursor(encodeCursor({ v: "2026-11-21T10:00:00.000Z", id: "con_1" }))).toEqual({
    v: "2026-11-21T10:00:00.000Z",
    id: "con_1",
  });
  expect(decodeCursor(encodeCursor({ v: null, id: "con_1" }))).toEqual({ v: null, id: "con_1" });
});

it("refuses garbage and decoded text the input rule refuses (NUL, lone surrogate) as a bad request", () => {
  for (const bad of ["abc", raw(["x"]), raw([1, "id"]), raw(["2026\u0000", "id"]), raw([null, "id\ud800"])])
    expect(() => decodeCursor(bad)).toThrow(BadRequestError);
});
