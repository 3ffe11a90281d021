// tRPC setup: context, error formatting and the procedures that narrow who may call what.
import { initTRPC, TRPCError } from "@trpc/server";
import { ZodError } from "zod";
import type { DB } from "../db";
import { canWrite, isStaff, type SessionUser } from "./auth/session-user";
import { ConflictError, toTRPCError } from "./errors";
import { internalErrorMessage, loggedRequestId } from "./http/internal-error";
import { plainJsonTransformer } from "./http/plain-json-transformer";
import { describeZodError, invalidInputError } from "./input/describe-issues";
import { capitalise, findUnsafeText } from "./input/unsafe-text";
import { TenantScope } from "./scope/tenant-scope";

/**
 * What the HTTP handler (and tests) build per request. The database is private to this file:
 * procedures never see it; they get `ctx.scope` (tenant data) from the procedure builders below.
 */
const DB_KEY = Symbol("db");
export interface Context {
  readonly [DB_KEY]: DB;
  user: SessionUser | null;
  /** Origin used to build absolute URLs (relink links), e.g. http://localhost:3000 */
  origin: string;
}

/** The only way to build a context; the database stays behind a key no other module holds. */
export function createTRPCContext(db: DB, user: SessionUser | null, origin: string): Context {
  return { [DB_KEY]: db, user, origin };
}

const UNPARSABLE_INPUT = "The request's input could not be read: it is not valid JSON in the format this API expects.";

/** The request's body or `?input=` could not be read: JSON's or superjson's own error, not ours. */
const unparsable = (error: TRPCError) =>
  error.code === "PARSE_ERROR" ||
  (error.code === "BAD_REQUEST" &&
    (error.cause instanceof SyntaxError || error.cause instanceof TypeError || error.cause instanceof RangeError));

/**
 * A field's path as a key of `fieldErrors`. superjson refuses keys such as `constructor` or
 * `__proto__` (prototype pollution), which would turn a 400 into a 500: those are bracketed.
 */
const fieldKey = (path: readonly PropertyKey[]) => {
  const key = path.map(String).join(".");
  return ["__proto__", "constructor", "prototype"].includes(key) ? `[${key}]` : key;
};

const t = initTRPC.context<Context>().create({
  // superjson on the wire; plain-JSON answers skip its walk (server/http/plain-json-transformer.ts).
  transformer: plainJsonTransformer,
  errorFormatter({ shape, error }) {
    const zod = error.code === "BAD_REQUEST" && error.cause instanceof ZodError ? error.cause : null;
    // A stale write gets the current state with its CONFLICT, so the UI can show it at once.
    const conflict = error.cause instanceof ConflictError ? error.cause.current : undefined;
    // A 500 tells the client only which request it was; the detail is in the log under that id.
    const requestId = error.code === "INTERNAL_SERVER_ERROR" ? loggedRequestId(error) : undefined;
    // tRPC adds the stack in development; it never leaves the server.
    const data = { ...shape.data };
    delete data.stack;
    return {
      ...shape,
      message: requestId
        ? internalErrorMessage(requestId)
        : zod
          ? describeZodError(zod)
          : // The parser's own words quote the body (a token pasted there would come back).
            unparsable(error)
            ? UNPARSABLE_INPUT
            : shape.message,
      data: {
        ...data,
        // Flattened zod issues: { fieldErrors: { status: ["Invalid option..."] }, formErrors: [] }
        zodError: zod
          ? {
              formErrors: zod.issues.filter((i) => i.path.length === 0).map((i) => i.message),
              fieldErrors: Object.fromEntries(
                zod.issues.filter((i) => i.path.length > 0).map((i) => [fieldKey(i.path), [i.message]]),
              ),
            }
          : null,
        ...(requestId === undefined ? {} : { requestId }),
        ...(conflict === undefined ? {} : { current: conflict }),
      },
    };
  },
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Domain errors (server/errors.ts) become TRPCErrors in one place. */
const errorConversion = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok) {
    const converted = toTRPCError(result.error.cause ?? result.error);
    if (converted) throw converted;
  }
  return result;
});

/**
 * Input rules every procedure gets, whatever its schema: text holds no NUL and no lone surrogate
 * (server/input/unsafe-text.ts), checked on the raw input before the schema runs; and a schema
 * failure reads as one sentence naming the fields (the issues stay in `data.zodError`).
 */
const inputGuard = t.middleware(async ({ getRawInput, next }) => {
  const unsafe = findUnsafeText(await getRawInput());
  if (unsafe) throw invalidInputError([{ path: unsafe.path, message: capitalise(unsafe.problem) }]);
  const result = await next();
  if (!result.ok && result.error.code === "BAD_REQUEST" && result.error.cause instanceof ZodError) {
    const zod = result.error.cause;
    throw new TRPCError({ code: "BAD_REQUEST", message: describeZodError(zod), cause: zod });
  }
  return result;
});

export const publicProcedure = t.procedure.use(errorConversion).use(inputGuard);

/**
 * A signed-in user, and the scope of the tenant data they may see (`ctx.scope`). Every procedure
 * that reads tenant data starts here or below: the context holds no other way to the rows.
 */
export const tenantProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.user) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in to continue." });
  return next({ ctx: { user: ctx.user, scope: TenantScope.forUser(ctx[DB_KEY], ctx.user) } });
});
/** The same builder, for procedures that only need the signed-in user. */
export const protectedProcedure = tenantProcedure;

/** Support staff only (all tenants; platform-wide administration such as API keys). */
export const staffProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.user) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in to continue." });
  if (!isStaff(ctx.user)) throw new TRPCError({ code: "FORBIDDEN", message: "Only support staff may do this." });
  return next({ ctx: { user: ctx.user, scope: TenantScope.unscopedForStaff(ctx[DB_KEY], ctx.user) } });
});

/** Anyone allowed to change state: support staff and tenant admins (not viewers). */
export const writerProcedure = tenantProcedure.use(({ ctx, next }) => {
  if (!canWrite(ctx.user))
    throw new TRPCError({ code: "FORBIDDEN", message: "Read-only users cannot change connections." });
  return next({ ctx });
});
