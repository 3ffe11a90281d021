// Pause or resume one connection, naming the version the caller saw (optimistic concurrency).
import { ConflictError, NotFoundError } from "../errors";
import { PAUSE_STATE_COLUMNS, toPauseState, writePauseChange } from "./pause-state";
import type { SetPausedResponse } from "./pause.types";
import type { TenantScope } from "../scope/tenant-scope";

export interface SetPausedInput {
  id: string;
  expectedVersion: number;
  paused: boolean;
  reason: string | null;
}

export const CONFLICT_MESSAGE =
  "Someone else changed this connection since you loaded it. Review its current state and try again.";

export async function setConnectionPaused(scope: TenantScope, input: SetPausedInput): Promise<SetPausedResponse> {
  return scope.transaction(async (scope) => {
    const row = await scope
      .connections()
      .select(PAUSE_STATE_COLUMNS)
      .where("connections.id", "=", input.id)
      .executeTakeFirst();
    if (!row) throw new NotFoundError();
    const current = toPauseState(row);
    // Idempotent: asking for the state it is already in changes nothing, whatever version was seen.
    if (current.user_paused === input.paused) return { changed: false, connection: current };
    if (current.version !== input.expectedVersion) throw new ConflictError(CONFLICT_MESSAGE, current);
    const after = await writePauseChange(scope, current, {
      paused: input.paused,
      reason: input.reason,
    });
    if (!after) {
      // Another transaction committed between our read and our write (PostgreSQL read committed).
      const fresh = await scope
        .connections()
        .select(PAUSE_STATE_COLUMNS)
        .where("connections.id", "=", input.id)
        .executeTakeFirst();
      throw new ConflictError(CONFLICT_MESSAGE, fresh ? toPauseState(fresh) : null);
    }
    return { changed: true, connection: after };
  });
}
