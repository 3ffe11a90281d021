// POST /connections/{id}/pause and /resume. A platform holds no version number, so the REST call
// reads the current version inside and compare-and-sets on it (setConnectionPaused, the console's
// own rule); when another writer slips in between, it reads again and decides afresh.
import { z } from "zod";
import {
  ZPauseConnectionRequestSchema,
  ZResumeConnectionRequestSchema,
  ZSetPausedResponseSchema,
} from "../../actions/pause.types";
import { setConnectionPaused } from "../../actions/set-paused";
import { ConflictError, NotFoundError } from "../../errors";
import type { TenantScope } from "../../scope/tenant-scope";
import { resolveConnectionRef, ZConnectionPathParams } from "../connection-ref";
import { defineRoute, noQuery } from "../rest-route";

const ATTEMPTS = 3;

async function setPausedAtCurrentVersion(scope: TenantScope, ref: string, paused: boolean, reason: string | null) {
  const id = await resolveConnectionRef(scope, ref);
  let conflict: unknown;
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const row = await scope
      .connections()
      .select("connections.version")
      .where("connections.id", "=", id)
      .executeTakeFirst();
    if (!row) throw new NotFoundError();
    try {
      return await setConnectionPaused(scope, { id, expectedVersion: row.version, paused, reason });
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      conflict = error;
    }
  }
  throw conflict;
}

const ZSetPausedResponse = ZSetPausedResponseSchema.meta({ id: "PauseResult" });

export const pauseConnectionRoute = defineRoute({
  method: "POST",
  path: "/connections/{id}/pause",
  operationId: "pauseConnection",
  tag: "Connections",
  summary: "Pause a connection",
  description:
    "Pauses the connection as a person in the console would, audited with this key as the actor. Pausing a paused " +
    "connection changes nothing (`changed: false`).",
  scope: "connections:write",
  params: ZConnectionPathParams,
  query: noQuery,
  body: z.strictObject({ reason: ZPauseConnectionRequestSchema.shape.reason }),
  success: { status: 200, description: "The connection's pause state after the call", schema: ZSetPausedResponse },
  problems: [400, 404, 409, 422],
  run: ({ scope }, { params, body }) => setPausedAtCurrentVersion(scope, params.id, true, body.reason),
});

export const resumeConnectionRoute = defineRoute({
  method: "POST",
  path: "/connections/{id}/resume",
  operationId: "resumeConnection",
  tag: "Connections",
  summary: "Resume a connection",
  description: "Resumes a paused connection; resuming one that is not paused changes nothing (`changed: false`).",
  scope: "connections:write",
  params: ZConnectionPathParams,
  query: noQuery,
  body: z.strictObject({ reason: ZResumeConnectionRequestSchema.shape.reason }),
  success: { status: 200, description: "The connection's pause state after the call", schema: ZSetPausedResponse },
  problems: [400, 404, 409, 422],
  run: ({ scope }, { params, body }) => setPausedAtCurrentVersion(scope, params.id, false, body.reason || null),
});
