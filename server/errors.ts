// Expected failures have names. Domain code throws these; the tRPC middleware converts them.
import { TRPCError } from "@trpc/server";

export class NotFoundError extends Error {
  /** `what` is a noun ("API key" → "API key not found.") or a whole sentence, kept as it is. */
  constructor(what = "Connection") {
    super(/[.!?]$/.test(what.trim()) ? what.trim() : `${what} not found.`);
    this.name = "NotFoundError";
  }
}

export class ConflictError extends Error {
  constructor(
    message: string,
    readonly current?: unknown,
  ) {
    super(message);
    this.name = "ConflictError";
  }
}

export class ForbiddenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ForbiddenError";
  }
}

export class BadRequestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BadRequestError";
  }
}

export function toTRPCError(error: unknown): TRPCError | null {
  if (error instanceof TRPCError) return null;
  if (error instanceof NotFoundError) return new TRPCError({ code: "NOT_FOUND", message: error.message, cause: error });
  if (error instanceof ConflictError) return new TRPCError({ code: "CONFLICT", message: error.message, cause: error });
  if (error instanceof ForbiddenError)
    return new TRPCError({ code: "FORBIDDEN", message: error.message, cause: error });
  if (error instanceof BadRequestError)
    return new TRPCError({ code: "BAD_REQUEST", message: error.message, cause: error });
  return null;
}
