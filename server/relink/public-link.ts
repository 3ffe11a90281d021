// What the public /link/<token> page may know. Only a usable link reveals anything (the
// integration's display name, the tenant's name and the scopes requested); every other state
// is reported by name and nothing else. Opening records opened_at on usable links only.
import type { DB } from "../../db";
import { parseJsonArray } from "./json-array";
import { nowIso } from "../ids";
import { writeEvents } from "../events/write-events";
import { TenantScope } from "../scope/tenant-scope";
import { hashRelinkToken, looksLikeToken } from "./token";
import { linkState } from "./link-state";

export type PublicLinkView =
  | { state: "unknown" | "expired" | "used" | "revoked" }
  | { state: "open"; linkId: string; integrationName: string; tenantName: string; scopes: string[]; expiresAt: string };

export async function readPublicLink(db: DB, token: string): Promise<PublicLinkView> {
  if (!looksLikeToken(token)) return { state: "unknown" };
  const row = await db
    .selectFrom("relink_links")
    .innerJoin("connections", "connections.id", "relink_links.connection_id")
    .innerJoin("tenants", "tenants.id", "relink_links.tenant_id")
    .leftJoin("integrations", "integrations.provider", "connections.provider")
    .select([
      "relink_links.id",
      "relink_links.expires_at",
      "relink_links.used_at",
      "relink_links.revoked_at",
      "tenants.name as tenant_name",
      "connections.provider",
      "connections.integration_name",
      "integrations.display_name",
      "integrations.scopes",
    ])
    .where("relink_links.token_hash", "=", hashRelinkToken(token))
    .executeTakeFirst();
  if (!row) return { state: "unknown" };
  const state = linkState(row, nowIso());
  if (state !== "open") return { state };
  return {
    state,
    linkId: row.id,
    integrationName: row.display_name ?? row.integration_name ?? row.provider,
    tenantName: row.tenant_name,
    scopes: parseJsonArray(row.scopes),
    expiresAt: row.expires_at,
  };
}

/** Records the first opening of a usable link, with its relink_link.opened event; a no-op for any other link. */
export async function markLinkOpened(db: DB, linkId: string): Promise<void> {
  const now = nowIso();
  await TenantScope.unscopedForLinkToken(db).transaction(async (scope) => {
    const opened = await scope
      .updateLinks()
      .set({ opened_at: now })
      .where("id", "=", linkId)
      .where("opened_at", "is", null)
      .where("used_at", "is", null)
      .where("revoked_at", "is", null)
      .where("expires_at", ">", now)
      .returning(["id", "tenant_id", "connection_id", "expires_at"])
      .executeTakeFirst();
    if (!opened) return;
    await writeEvents(scope, [
      {
        type: "relink_link.opened",
        tenantId: opened.tenant_id,
        connectionId: opened.connection_id,
        occurredAt: now,
        data: { link: { id: opened.id, expires_at: opened.expires_at } },
      },
    ]);
  });
}
