// Shared by the relink tests: pick demo connections and snapshot everything a relink touches.
import type { DB } from "../../db";
import { newId } from "../ids";

export async function pickConnection(db: DB, tenantId: string, needsRelink: boolean, skip = 0): Promise<string> {
  const row = await db
    .selectFrom("connections")
    .innerJoin("integrations", "integrations.provider", "connections.provider")
    .select("connections.id")
    .where("connections.tenant_id", "=", tenantId)
    .where("connections.needs_relink", "=", needsRelink ? 1 : 0)
    .orderBy("connections.id")
    .offset(skip)
    .limit(1)
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Makes a connection broken the way a relink fixes: expired, with one open auth error. */
export async function breakConnection(db: DB, connectionId: string): Promise<void> {
  const conn = await db
    .selectFrom("connections")
    .select(["tenant_id"])
    .where("id", "=", connectionId)
    .executeTakeFirstOrThrow();
  await db
    .updateTable("connections")
    .set({ status: "expired", needs_relink: 1 })
    .where("id", "=", connectionId)
    .execute();
  await db
    .insertInto("connection_errors")
    .values({
      id: newId("err"),
      connection_id: connectionId,
      tenant_id: conn.tenant_id,
      status_code: "401",
      status_text: "Unauthorized",
      message: "invalid_grant",
      errored_at: "2026-11-01T00:00:00.000Z",
      status: "active",
      upstream_status: "Active",
      is_auth_error: 1,
      resolved_at: null,
      resolved_by: null,
      resolution_note: null,
    })
    .execute();
}

/** Everything a relink could change, to prove that a refused attempt changed nothing. */
export async function snapshot(db: DB, connectionId: string) {
  return {
    connection: await db.selectFrom("connections").selectAll().where("id", "=", connectionId).executeTakeFirstOrThrow(),
    errors: await db
      .selectFrom("connection_errors")
      .selectAll()
      .where("connection_id", "=", connectionId)
      .orderBy("id")
      .execute(),
    links: await db
      .selectFrom("relink_links")
      .selectAll()
      .where("connection_id", "=", connectionId)
      .orderBy("id")
      .execute(),
    audit: await db
      .selectFrom("audit_events")
      .selectAll()
      .where("connection_id", "=", connectionId)
      .orderBy("id")
      .execute(),
  };
}

export const tokenOf = (url: string): string => {
  const token = url.split("/link/")[1];
  if (!token) throw new Error(`not a relink url: ${url}`);
  return token;
};
