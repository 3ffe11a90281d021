// Idempotency-Key on REST POSTs: the first request with a key (per API key and path) runs and its
// answer is stored; a retry with the same key and body gets that stored answer again, without
// running twice; the same key with another body is a 422. A second request arriving while the
// first still runs gets a 409 (retry later) rather than running beside it. Answers of 500 and
// above are not kept, so a retry after a failure runs again. Keys are kept for 24 hours.
import { createHash } from "node:crypto";
import type { DB } from "../../db";
import { RestProblem } from "./problem";

export const IDEMPOTENCY_TTL_MS = 24 * 3_600_000;
/** A first request that has not finished after this long died with its process: its key is free again. */
export const IDEMPOTENCY_ABANDONED_MS = 2 * 60_000;
const KEY_SYNTAX = /^[\x21-\x7e]{1,255}$/;

export interface StoredAnswer {
  status: number;
  body: string;
}

export type IdempotencyStart =
  { kind: "replay"; answer: StoredAnswer } | { kind: "first"; finish: (answer: StoredAnswer) => Promise<void> };

/** Object keys sorted at every depth, so `{"a":1,"b":2}` and `{"b":2,"a":1}` are one request. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (typeof value === "object" && value !== null) {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

export const requestHash = (body: unknown) => createHash("sha256").update(canonical(body)).digest("hex");

export function checkIdempotencyKey(value: string): string {
  if (!KEY_SYNTAX.test(value))
    throw new RestProblem(
      "invalid-request",
      "The Idempotency-Key header must be 1 to 255 visible ASCII characters (a UUID is a good choice).",
      { errors: [{ field: "Idempotency-Key", message: "1 to 255 visible ASCII characters" }] },
    );
  return value;
}

let lastPurge = 0;

/** Drops expired keys, at most once a minute per process (an indexed range delete). */
async function purgeExpired(db: DB, now: number): Promise<void> {
  if (now - lastPurge < 60_000) return;
  lastPurge = now;
  await db
    .deleteFrom("idempotency_keys")
    .where("created_at", "<", new Date(now - IDEMPOTENCY_TTL_MS).toISOString())
    .execute();
}

export async function startIdempotent(
  db: DB,
  request: { apiKeyId: string; path: string; key: string; body: unknown },
  now = Date.now(),
): Promise<IdempotencyStart> {
  await purgeExpired(db, now);
  const hash = requestHash(request.body);
  const where = { api_key_id: request.apiKeyId, path: request.path, idempotency_key: request.key };
  const row = () =>
    db
      .selectFrom("idempotency_keys")
      .select(["request_hash", "status_code", "response_body", "created_at"])
      .where("api_key_id", "=", where.api_key_id)
      .where("path", "=", where.path)
      .where("idempotency_key", "=", where.idempotency_key);
  const remove = (createdAt: string) =>
    db
      .deleteFrom("idempotency_keys")
      .where("api_key_id", "=", where.api_key_id)
      .where("path", "=", where.path)
      .where("idempotency_key", "=", where.idempotency_key)
      .where("created_at", "=", createdAt)
      .execute();

  for (let attempt = 0; attempt < 3; attempt++) {
    const createdAt = new Date(now).toISOString();
    const inserted = await db
      .insertInto("idempotency_keys")
      .values({ ...where, request_hash: hash, status_code: null, response_body: null, created_at: createdAt })
      .onConflict((oc) => oc.columns(["api_key_id", "path", "idempotency_key"]).doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 1) {
      return {
        kind: "first",
        finish: async (answer) => {
          if (answer.status >= 500) {
            await remove(createdAt);
            return;
          }
          await db
            .updateTable("idempotency_keys")
            .set({ status_code: answer.status, response_body: answer.body })
            .where("api_key_id", "=", where.api_key_id)
            .where("path", "=", where.path)
            .where("idempotency_key", "=", where.idempotency_key)
            .where("created_at", "=", createdAt)
            .execute();
        },
      };
    }
    const existing = await row().executeTakeFirst();
    if (!existing) continue; // removed in between: try to take it again
    const age = now - Date.parse(existing.created_at);
    const finished = existing.status_code !== null && existing.response_body !== null;
    if (age > IDEMPOTENCY_TTL_MS || (!finished && age > IDEMPOTENCY_ABANDONED_MS)) {
      await remove(existing.created_at);
      continue;
    }
    if (existing.request_hash !== hash)
      throw new RestProblem(
        "idempotency-key-reused",
        "This Idempotency-Key was used for a request with a different body on this path: use a new key for a new request.",
      );
    if (existing.status_code === null || existing.response_body === null)
      throw new RestProblem(
        "idempotency-in-progress",
        "The first request with this Idempotency-Key is still being answered: retry in a moment.",
        {},
        { "retry-after": "1" },
      );
    return { kind: "replay", answer: { status: existing.status_code, body: existing.response_body } };
  }
  throw new RestProblem(
    "idempotency-in-progress",
    "This Idempotency-Key is busy: retry in a moment.",
    {},
    { "retry-after": "1" },
  );
}
