// Completing a relink. Everything happens in one transaction, and the link is claimed first
// with a conditional UPDATE: of any number of concurrent attempts, exactly one sees an
// affected row and goes on; the others change nothing.
import { TenantScope } from "../scope/tenant-scope";
import type { DB } from "../../db";
import { writeAudit } from "../audit/write-audit";
import { recomputeConnectionHealth } from "../connections/recompute-health";
import { sealCredentials } from "../crypto";
import { nowIso } from "../ids";
import { writeEvents } from "../events/write-events";
import { hashRelinkToken } from "./token";

export interface RelinkGrant {
  /** What the provider returned (access/refresh tokens...). Stored encrypted only. */
  credentials: Record<string, unknown>;
  scopes: string[] | null;
  /** Lifetime of the new access, from the provider's expires_in. */
  expiresInSeconds: number | null;
}

export type ConsumeResult = { ok: true; linkId: string; connectionId: string } | { ok: false };

export async function consumeRelinkToken(db: DB, token: string, grant: RelinkGrant): Promise<ConsumeResult> {
  const tokenHash = hashRelinkToken(token);
  return TenantScope.unscopedForLinkToken(db).transaction(async (scope) => {
    const now = nowIso();
    const claimed = await scope
      .updateLinks()
      .set({ used_at: now })
      .where("token_hash", "=", tokenHash)
      .where("used_at", "is", null)
      .where("revoked_at", "is", null)
      .where("expires_at", ">", now)
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) return { ok: false };

    const link = await scope
      .links()
      .select(["id", "connection_id", "tenant_id", "sent_to"])
      .where("token_hash", "=", tokenHash)
      .executeTakeFirstOrThrow();
    const actor = {
      id: `link:${link.id}`,
      label: link.sent_to ? `Relink link sent to ${link.sent_to}` : "Relink link",
    };
    const before = await scope
      .connections()
      .select([
        "status",
        "upstream_status",
        "auth_expires_at",
        "needs_relink",
        "open_error_count",
        "credentials_fingerprint",
        "version",
      ])
      .where("id", "=", link.connection_id)
      .executeTakeFirstOrThrow();
    const authExpiresAt = grant.expiresInSeconds
      ? new Date(Date.parse(now) + grant.expiresInSeconds * 1000).toISOString()
      : null;
    const sealed = sealCredentials(grant.credentials);
    await scope
      .updateConnections()
      .set((eb) => ({
        ...sealed,
        status: "active",
        // The platform's last word (e.g. Codat "Deauthorized") is stale now; the audit event keeps it.
        upstream_status: null,
        auth_type: "oauth2",
        ...(grant.scopes ? { auth_scopes: JSON.stringify(grant.scopes) } : {}),
        auth_expires_at: authExpiresAt,
        updated_at: now,
        updated_by: actor.id,
        version: eb("version", "+", 1),
      }))
      .where("id", "=", link.connection_id)
      .execute();
    const resolved = await scope
      .updateErrors()
      .set({
        status: "resolved",
        resolved_at: now,
        resolved_by: actor.id,
        resolution_note: "Resolved by re-authorisation through a relink link.",
      })
      .where("connection_id", "=", link.connection_id)
      .where("status", "=", "active")
      .where("is_auth_error", "=", 1)
      .returning(["id"])
      .execute();
    const health = await recomputeConnectionHealth(scope, link.connection_id);
    await writeAudit(scope, {
      actor,
      action: "connection.relinked",
      tenantId: link.tenant_id,
      connectionId: link.connection_id,
      before,
      after: {
        status: "active",
        auth_expires_at: authExpiresAt,
        needs_relink: health.needsRelink ? 1 : 0,
        open_error_count: health.openErrors,
        credentials_fingerprint: sealed.credentials_fingerprint,
        resolved_auth_errors: resolved.length,
        link_id: link.id,
      },
      at: now,
    });
    await writeEvents(
      scope,
      resolved.map((e) => ({
        type: "connection_error.resolved" as const,
        tenantId: link.tenant_id,
        connectionId: link.connection_id,
        occurredAt: now,
        data: { error: { id: e.id, resolution_note: "Resolved by re-authorisation through a relink link." } },
      })),
    );
    return { ok: true, linkId: link.id, connectionId: link.connection_id };
  });
}
