import type { DB } from "../../db";
import { hashRelinkToken, looksLikeToken } from "../relink/token";

/** The provider slug of the connection a token belongs to (any state), or null. */
export async function providerForToken(db: DB, token: string): Promise<string | null> {
  if (!looksLikeToken(token)) return null;
  const row = await db
    .selectFrom("relink_links")
    .innerJoin("connections", "connections.id", "relink_links.connection_id")
    .select("connections.provider")
    .where("relink_links.token_hash", "=", hashRelinkToken(token))
    .executeTakeFirst();
  return row?.provider ?? null;
}
