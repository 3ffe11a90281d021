import { describe, expect, it } from "vitest";
import { parseCliArgs } from "./cli-args";

describe("parseCliArgs", () => {
  it("reads FILE, --format, --tenant and defaults", () => {
    expect(parseCliArgs(["data.ndjson", "--format", "codat", "--tenant=acme"])).toEqual({
      ok: true,
      args: { file: "data.ndjson", format: "codat", kind: "connections", tenant: "acme", batchSize: 1000 },
    });
    expect(parseCliArgs(["-", "--format=dto", "--kind", "runs", "--batch-size", "50"])).toMatchObject({
      ok: true,
      args: { file: "-", kind: "runs", batchSize: 50 },
    });
  });

  it("explains what is wrong", () => {
    expect(parseCliArgs(["f.json"])).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^--format must be one of codat, unified, dto, schema/),
    });
    expect(parseCliArgs(["--format", "codat"])).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^Give exactly one FILE/),
    });
    expect(parseCliArgs(["f", "--format", "codat", "--color", "red"])).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^Unknown option --color/),
    });
    expect(parseCliArgs(["f", "--format", "codat", "--batch-size", "0"])).toMatchObject({ ok: false });
    expect(parseCliArgs(["f", "--format"])).toMatchObject({
      ok: false,
      message: expect.stringMatching(/--format needs a value/),
    });
  });
});
