// Creating a relink link for one connection the user may see (NOT_FOUND otherwise).
import { relinkDefaultTtlHours } from "../env";
import { NotFoundError } from "../errors";
import { emailIssuedLink, requireRecipient } from "./email-issued-link";
import { issueLink } from "./issue-link";
import type { IssuedLink } from "./relink.types";
import type { TenantScope } from "../scope/tenant-scope";

export interface CreateLinkInput {
  connectionId: string;
  recipientEmail?: string | null;
  expiresInHours?: number;
  revokeOpen: boolean;
  /** e-mail the link to recipientEmail once it exists */
  sendEmail?: boolean;
}

export async function createRelinkLink(
  scope: TenantScope,
  input: CreateLinkInput,
  origin: string,
  note?: string,
): Promise<IssuedLink> {
  requireRecipient(input.sendEmail, input.recipientEmail);
  const link = await scope.transaction(async (scope) => {
    const connection = await scope
      .connections()
      .select(["connections.id", "connections.tenant_id", "connections.provider"])
      .where("connections.id", "=", input.connectionId)
      .executeTakeFirst();
    if (!connection) throw new NotFoundError();
    return issueLink(scope, {
      connection,
      actor: scope.actor,
      recipientEmail: input.recipientEmail ?? null,
      expiresInHours: input.expiresInHours ?? relinkDefaultTtlHours(),
      revokeOpen: input.revokeOpen,
      origin,
      note,
    });
  });
  return input.sendEmail ? emailIssuedLink(scope, link) : link;
}
