import { TRPCError } from "@trpc/server";
import { expect, it } from "vitest";
import { z, ZodError } from "zod";
import { describeIssues, describeZodError, invalidInputError } from "./describe-issues";

const schema = z.object({
  status: z.enum(["active", "paused"]),
  limit: z.number().max(100),
  note: z.string().refine(() => false, "Say why."),
});

it("says what is wrong in one sentence naming each field", () => {
  const result = schema.safeParse({ status: "bogus", limit: 1000, note: "x" });
  if (result.success) throw new Error("expected a failure");
  const message = describeZodError(result.error);
  expect(message).toBe(
    'Invalid input: status — Invalid option: expected one of "active"|"paused"; ' +
      "limit — Too big: expected number to be <=100; note — Say why.",
  );
  expect(message).not.toContain("\n");
});

it("lists at most five issues and counts the rest; a root issue has no field", () => {
  const issues = Array.from({ length: 8 }, (_, i) => ({ path: ["ids", i], message: "Too short" }));
  expect(describeIssues(issues)).toBe(
    "Invalid input: ids[0] — Too short; ids[1] — Too short; ids[2] — Too short; ids[3] — Too short; " +
      "ids[4] — Too short; and 3 more.",
  );
  expect(describeIssues([{ path: [], message: "Expected an object." }])).toBe("Invalid input: Expected an object.");
});

it("invalidInputError is a BAD_REQUEST whose cause is a ZodError, like a schema failure", () => {
  const error = invalidInputError([{ path: ["filters", "q"], message: "Contains a NUL character" }]);
  expect(error).toBeInstanceOf(TRPCError);
  expect(error.code).toBe("BAD_REQUEST");
  expect(error.cause).toBeInstanceOf(ZodError);
  expect(error.message).toBe("Invalid input: filters.q — Contains a NUL character.");
});
