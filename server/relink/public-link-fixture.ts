// Relink links in each state, written straight into the table, for the tests of the public page.
import type { DB } from "../../db";
import { newId } from "../ids";
import { pickConnection } from "./relink-test-helpers";
import { issueRelinkToken } from "./token";

export type FixtureState = "open" | "expired" | "used" | "revoked";

/** A link in `state` on an Acme connection whose integration relinks by OAuth; returns its token. */
export async function linkInState(db: DB, state: FixtureState, skip = 0): Promise<string> {
  const connectionId = await pickConnection(db, "ten_acme", true, skip);
  const { token, hash } = issueRelinkToken();
  const now = Date.now();
  const iso = (offsetMs: number) => new Date(now + offsetMs).toISOString();
  await db
    .insertInto("relink_links")
    .values({
      id: newId("rl"),
      token_hash: hash,
      connection_id: connectionId,
      tenant_id: "ten_acme",
      created_by: "usr_fixture",
      created_at: iso(-7_200_000),
      expires_at: state === "expired" ? iso(-60_000) : iso(86_400_000),
      sent_to: null,
      opened_at: null,
      used_at: state === "used" ? iso(-60_000) : null,
      revoked_at: state === "revoked" ? iso(-60_000) : null,
      revoked_by: state === "revoked" ? "usr_fixture" : null,
      batch_id: null,
    })
    .execute();
  return token;
}
