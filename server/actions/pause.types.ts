import { z } from "zod";
import { CONNECTION_STATUSES } from "../../db/types";

const id = z.string().min(1).max(200);
/** The version the caller saw: a write against any other version is refused with CONFLICT. */
const expectedVersion = z.number().int().nonnegative();

export const ZPauseConnectionRequestSchema = z.object({
  id,
  expectedVersion,
  reason: z.string().trim().min(1, "Say why the connection is paused.").max(500),
});
export type PauseConnectionRequest = z.input<typeof ZPauseConnectionRequestSchema>;

export const ZResumeConnectionRequestSchema = z.object({
  id,
  expectedVersion,
  reason: z.string().trim().max(500).optional(),
});
export type ResumeConnectionRequest = z.input<typeof ZResumeConnectionRequestSchema>;

/** The pause-related state of one connection, as it is after the call. */
export const ZConnectionPauseStateSchema = z.object({
  id: z.string(),
  tenant_id: z.string(),
  status: z.enum(CONNECTION_STATUSES),
  user_paused: z.boolean(),
  paused_by: z.string().nullable(),
  paused_at: z.string().nullable(),
  pause_reason: z.string().nullable(),
  version: z.number(),
  updated_at: z.string(),
});
export type ConnectionPauseState = z.infer<typeof ZConnectionPauseStateSchema>;

export const ZSetPausedResponseSchema = z.object({
  /** false when the connection was already in the asked-for state (idempotent no-op) */
  changed: z.boolean(),
  connection: ZConnectionPauseStateSchema,
});
export type SetPausedResponse = z.infer<typeof ZSetPausedResponseSchema>;
