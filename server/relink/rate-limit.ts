// Fixed-window rate limiting kept in the database, so every app instance counts together.
// One row per (bucket, subject); a request in a new window resets the row in the same upsert.
// The subject of the public link limits is the client address from server/http/client-address.ts.
import { sql } from "kysely";
import type { DB } from "../../db";

export interface RateLimitRule {
  limit: number;
  windowSeconds: number;
}

/** The public link pages: generous for a person, useless for guessing tokens. */
export const LINK_RATE_LIMIT: RateLimitRule = { limit: 30, windowSeconds: 60 };

export interface RateLimitResult {
  allowed: boolean;
  hits: number;
  retryAfterSeconds: number;
}

export async function hitRateLimit(
  db: DB,
  bucket: string,
  subject: string,
  rule: RateLimitRule,
  now = Date.now(),
): Promise<RateLimitResult> {
  const windowMs = rule.windowSeconds * 1000;
  const windowStart = Math.floor(now / windowMs) * windowMs;
  const row = await db
    .insertInto("rate_limits")
    .values({ key: `${bucket}:${subject}`, hits: 1, window_started_at: new Date(windowStart).toISOString() })
    .onConflict((oc) =>
      oc.column("key").doUpdateSet({
        hits: sql<number>`case when rate_limits.window_started_at = excluded.window_started_at then rate_limits.hits + 1 else 1 end`,
        window_started_at: sql<string>`excluded.window_started_at`,
      }),
    )
    .returning("hits")
    .executeTakeFirstOrThrow();
  // Rows of past windows are dead weight; sweep now and then rather than on every hit.
  if (Math.random() < 0.01) {
    await db
      .deleteFrom("rate_limits")
      .where("window_started_at", "<", new Date(now - 86_400_000).toISOString())
      .execute();
  }
  const hits = Number(row.hits);
  return { allowed: hits <= rule.limit, hits, retryAfterSeconds: Math.ceil((windowStart + windowMs - now) / 1000) };
}
