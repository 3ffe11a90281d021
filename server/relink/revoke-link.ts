// Revoke and resend. Both find the link through the tenant scope first (NOT_FOUND for other
// tenants), then change it by id in the same transaction, with an audit event.
import { writeAudit } from "../audit/write-audit";
import { relinkDefaultTtlHours } from "../env";
import { ConflictError, NotFoundError } from "../errors";
import { nowIso } from "../ids";
import { emailIssuedLink } from "./email-issued-link";
import { issueLink } from "./issue-link";
import { linkState } from "./link-state";
import type { IssuedLink } from "./relink.types";
import type { TenantScope } from "../scope/tenant-scope";

async function findLink(scope: TenantScope, linkId: string) {
  const link = await scope
    .links()
    .innerJoin("connections", "connections.id", "relink_links.connection_id")
    .select([
      "relink_links.id",
      "relink_links.connection_id",
      "relink_links.tenant_id",
      "relink_links.sent_to",
      "relink_links.expires_at",
      "relink_links.used_at",
      "relink_links.revoked_at",
      "connections.provider",
    ])
    .where("relink_links.id", "=", linkId)
    .executeTakeFirst();
  if (!link) throw new NotFoundError("Link");
  return link;
}

/** Idempotent: revoking a revoked or expired link changes nothing; a used link is a CONFLICT. */
export async function revokeRelinkLink(scope: TenantScope, linkId: string): Promise<{ revoked: boolean }> {
  return scope.transaction(async (scope) => {
    const link = await findLink(scope, linkId);
    const now = nowIso();
    const state = linkState(link, now);
    if (state === "used") throw new ConflictError("This link has already been used; there is nothing to revoke.");
    if (state !== "open") return { revoked: false };
    const result = await scope
      .updateLinks()
      .set({ revoked_at: now, revoked_by: scope.actor.id })
      .where("id", "=", link.id)
      .where("used_at", "is", null)
      .where("revoked_at", "is", null)
      .executeTakeFirst();
    // Used in the meantime by the customer: the guard above lost the race, say so.
    if (Number(result.numUpdatedRows) === 0) throw new ConflictError("This link was used a moment ago.");
    await writeAudit(scope, {
      actor: scope.actor,
      action: "relink.revoked",
      tenantId: link.tenant_id,
      connectionId: link.connection_id,
      before: { link_id: link.id },
      at: now,
    });
    return { revoked: true };
  });
}

/** A new link for the same connection and recipient; the old one (and any other open one) is revoked. */
export async function resendRelinkLink(
  scope: TenantScope,
  linkId: string,
  expiresInHours: number | undefined,
  origin: string,
  options: { sendEmail?: boolean } = {},
): Promise<IssuedLink> {
  const link = await scope.transaction(async (scope) => {
    const link = await findLink(scope, linkId);
    if (link.used_at)
      throw new ConflictError("This link has already been used; create a new one if the connection breaks again.");
    return issueLink(scope, {
      connection: { id: link.connection_id, tenant_id: link.tenant_id, provider: link.provider },
      actor: scope.actor,
      recipientEmail: link.sent_to,
      expiresInHours: expiresInHours ?? relinkDefaultTtlHours(),
      revokeOpen: true,
      origin,
      note: `Resent (replaces ${link.id})`,
    });
  });
  return options.sendEmail ? emailIssuedLink(scope, link) : link;
}
