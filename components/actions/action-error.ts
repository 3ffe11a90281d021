// Reads the tRPC error shape (code, flattened zod issues) into what a dialog shows.
import { TRPCClientError } from "@trpc/client";
import type { AppRouter } from "@/server/routers";

export interface ActionError {
  code: string | null;
  message: string;
  /** the first message for each invalid field, e.g. { reason: "Say why…" } */
  fields: Record<string, string>;
}

export function readActionError(error: unknown): ActionError {
  if (error instanceof TRPCClientError) {
    const e = error as TRPCClientError<AppRouter>;
    const fieldErrors = e.data?.zodError?.fieldErrors ?? {};
    const fields = Object.fromEntries(Object.entries(fieldErrors).map(([k, v]) => [k, v?.[0] ?? "Invalid value."]));
    return { code: e.data?.code ?? null, message: e.message, fields };
  }
  return { code: null, message: error instanceof Error ? error.message : "Something went wrong.", fields: {} };
}
