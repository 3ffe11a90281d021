// E-mails a relink link to the customer and records the outcome on the link's ledger row
// (sent_at, or send_error) with an audit event. The link must still be usable, and the URL must
// be this link's own: the e-mail carries the configured public origin and the link's token,
// never an address a caller chose.
import { z } from "zod";
import { writeAudit } from "../audit/write-audit";
import { BadRequestError, ConflictError, NotFoundError } from "../errors";
import { publicOrigin } from "../http/public-origin";
import { nowIso } from "../ids";
import { parseJsonArray } from "../relink/json-array";
import { linkState } from "../relink/link-state";
import { hashRelinkToken, relinkUrl } from "../relink/token";
import type { TenantScope } from "../scope/tenant-scope";
import { relinkEmail } from "./relink-email";
import { sendMail } from "./send-mail";

export interface SendResult {
  sent: boolean;
  /** why it failed; null when sent */
  error: string | null;
  via: "smtp" | "mailbox" | null;
}

const ZRecipient = z.email().max(320);

function tokenOf(url: string): string {
  const match = /\/link\/([A-Za-z0-9_-]+)$/.exec(url);
  if (!match?.[1]) throw new BadRequestError("url: not a relink link.");
  return match[1];
}

export async function sendRelinkEmail(
  scope: TenantScope,
  linkId: string,
  input: { to: string; url: string },
): Promise<SendResult> {
  const to = ZRecipient.safeParse(input.to.trim());
  if (!to.success) throw new BadRequestError("to: not an e-mail address.");
  const link = await scope
    .links()
    .innerJoin("connections", "connections.id", "relink_links.connection_id")
    .innerJoin("tenants", "tenants.id", "relink_links.tenant_id")
    .leftJoin("integrations", "integrations.provider", "connections.provider")
    .select([
      "relink_links.id",
      "relink_links.tenant_id",
      "relink_links.connection_id",
      "relink_links.token_hash",
      "relink_links.expires_at",
      "relink_links.used_at",
      "relink_links.revoked_at",
      "connections.name as connection_name",
      "connections.provider",
      "connections.integration_name",
      "integrations.display_name",
      "integrations.scopes",
      "tenants.name as tenant_name",
      "tenants.time_zone",
    ])
    .where("relink_links.id", "=", linkId)
    .executeTakeFirst();
  if (!link) throw new NotFoundError("Link");
  const token = tokenOf(input.url);
  if (hashRelinkToken(token) !== link.token_hash) throw new BadRequestError("url: not this link's URL.");
  const state = linkState(link, nowIso());
  if (state !== "open") throw new ConflictError(`This link is ${state}; create a new one to send.`);

  const content = relinkEmail({
    tenantName: link.tenant_name,
    integrationName: link.display_name ?? link.integration_name ?? link.provider,
    connectionName: link.connection_name,
    scopes: parseJsonArray(link.scopes),
    expiresAt: link.expires_at,
    timeZone: link.time_zone,
    url: relinkUrl(publicOrigin(), token),
  });
  let result: SendResult;
  try {
    const via = await sendMail(scope, { to: to.data, ...content, tenantId: link.tenant_id });
    result = { sent: true, error: null, via };
  } catch (error) {
    result = { sent: false, error: error instanceof Error ? error.message : String(error), via: null };
  }
  const at = nowIso();
  await scope.transaction(async (tx) => {
    await tx
      .updateLinks()
      .set(
        result.sent
          ? { sent_to: to.data, sent_at: at, send_error: null }
          : { sent_to: to.data, send_error: result.error },
      )
      .where("id", "=", link.id)
      .execute();
    await writeAudit(tx, {
      actor: tx.actor,
      action: result.sent ? "relink.emailed" : "relink.email_failed",
      tenantId: link.tenant_id,
      connectionId: link.connection_id,
      after: { link_id: link.id, to: to.data, via: result.via, error: result.error },
      at,
    });
  });
  return result;
}
