// The one place a relink link row is written. Callers run it inside their transaction, after
// scoping the connection to the user, and write the audit event alongside.
import type { TenantScope } from "../scope/tenant-scope";
import { writeAudit, type AuditActor } from "../audit/write-audit";
import { BadRequestError } from "../errors";
import { newId, nowIso } from "../ids";
import { issueRelinkToken, relinkUrl } from "./token";
import type { IssuedLink } from "./relink.types";

export interface IssueLinkInput {
  connection: { id: string; tenant_id: string; provider: string };
  actor: AuditActor;
  recipientEmail: string | null;
  expiresInHours: number;
  revokeOpen: boolean;
  origin: string;
  batchId?: string | null;
  note?: string | null;
}

/** Whether re-authorisation by link is possible for this provider (an OAuth 2 integration). */
export async function canRelinkProvider(scope: TenantScope, provider: string): Promise<boolean> {
  const integration = await scope
    .integrations()
    .select(["auth_kind"])
    .where("provider", "=", provider)
    .executeTakeFirst();
  return integration?.auth_kind === "oauth2";
}

export async function issueLink(scope: TenantScope, input: IssueLinkInput): Promise<IssuedLink> {
  if (!(await canRelinkProvider(scope, input.connection.provider))) {
    throw new BadRequestError("This connection's integration cannot be re-authorised by link.");
  }
  const now = nowIso();
  if (input.revokeOpen) await revokeOpenLinks(scope, input.connection.id, input.actor, now);
  const { token, hash } = issueRelinkToken();
  const id = newId("rl");
  const expiresAt = new Date(Date.parse(now) + input.expiresInHours * 3_600_000).toISOString();
  await scope
    .insertInto("relink_links")
    .values({
      id,
      token_hash: hash,
      connection_id: input.connection.id,
      tenant_id: input.connection.tenant_id,
      created_by: input.actor.id,
      created_at: now,
      expires_at: expiresAt,
      sent_to: input.recipientEmail,
      opened_at: null,
      used_at: null,
      revoked_at: null,
      revoked_by: null,
      batch_id: input.batchId ?? null,
    })
    .execute();
  await writeAudit(scope, {
    actor: input.actor,
    action: "relink.created",
    tenantId: input.connection.tenant_id,
    connectionId: input.connection.id,
    after: { link_id: id, expires_at: expiresAt, sent_to: input.recipientEmail, batch_id: input.batchId ?? null },
    note: input.note ?? null,
    at: now,
  });
  return {
    id,
    connectionId: input.connection.id,
    url: relinkUrl(input.origin, token),
    expiresAt,
    sentTo: input.recipientEmail,
  };
}

/** Revokes every still-usable link of a connection, each with its own audit event. */
export async function revokeOpenLinks(
  scope: TenantScope,
  connectionId: string,
  actor: AuditActor,
  now: string,
): Promise<number> {
  const open = await scope
    .links()
    .select(["id", "tenant_id"])
    .where("connection_id", "=", connectionId)
    .where("used_at", "is", null)
    .where("revoked_at", "is", null)
    .where("expires_at", ">", now)
    .execute();
  for (const link of open) {
    await scope
      .updateLinks()
      .set({ revoked_at: now, revoked_by: actor.id })
      .where("id", "=", link.id)
      .where("revoked_at", "is", null)
      .execute();
    await writeAudit(scope, {
      actor,
      action: "relink.revoked",
      tenantId: link.tenant_id,
      connectionId,
      before: { link_id: link.id },
      note: "Replaced by a new link",
      at: now,
    });
  }
  return open.length;
}
