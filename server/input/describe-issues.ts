// Invalid input as one sentence people can read: "Invalid input: status — Invalid option: expected
// one of "active"|"paused"; limit — Too big: expected number to be <=100". The structured list
// travels beside it (tRPC `data.zodError`); this is the `message`.
import { TRPCError } from "@trpc/server";
import { z, ZodError } from "zod";
import { formatInputPath, type InputPath } from "./unsafe-text";

const MAX_LISTED = 5;
const MAX_MESSAGE_CHARS = 200;

interface Issue {
  path: readonly PropertyKey[];
  message: string;
}

/** One line, bounded, without its own final period (the sentence adds one). */
function clip(text: string): string {
  // zod's own root messages start "Invalid input: …"; the sentence already says so.
  const line = text
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^Invalid input:\s*/i, "")
    .replace(/\.+$/, "");
  return line.length > MAX_MESSAGE_CHARS ? `${line.slice(0, MAX_MESSAGE_CHARS - 1)}…` : line;
}

export function describeIssues(issues: readonly Issue[]): string {
  if (issues.length === 0) return "Invalid input.";
  const listed = issues.slice(0, MAX_LISTED).map((issue) => {
    const field = formatInputPath(issue.path);
    const message = clip(issue.message);
    return field === "" ? message : `${field} — ${message}`;
  });
  const more = issues.length > MAX_LISTED ? `; and ${issues.length - MAX_LISTED} more` : "";
  return `Invalid input: ${listed.join("; ")}${more}.`;
}

export const describeZodError = (error: ZodError) => describeIssues(error.issues);

/** A BAD_REQUEST shaped like a schema failure, so clients read every input error the same way. */
export function invalidInputError(issues: readonly { path: InputPath; message: string }[]): TRPCError {
  // Made by a failing schema: a ZodError built by hand is not an `Error` in zod 4, and tRPC would
  // replace a non-Error cause with a copy that is no longer a ZodError.
  const failed = z.unknown().superRefine((_, ctx) => {
    for (const issue of issues) ctx.addIssue({ code: "custom", path: issue.path, message: issue.message });
  });
  const cause = failed.safeParse(undefined).error ?? new ZodError([]);
  return new TRPCError({ code: "BAD_REQUEST", message: describeIssues(cause.issues), cause });
}
