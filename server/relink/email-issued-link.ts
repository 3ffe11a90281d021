// "Send by e-mail" for the create, resend and bulk flows: after the link's transaction has
// committed (an SMTP conversation never holds a database transaction open), e-mail it and say
// how that went beside the link.
import { BadRequestError } from "../errors";
import { sendRelinkEmail } from "../email/send-relink-email";
import type { TenantScope } from "../scope/tenant-scope";
import type { IssuedLink } from "./relink.types";

export function requireRecipient(sendEmail: boolean | undefined, recipient: string | null | undefined): void {
  if (sendEmail && !recipient?.trim()) throw new BadRequestError("recipientEmail: needed to send the link by e-mail.");
}

export async function emailIssuedLink<T extends IssuedLink>(scope: TenantScope, link: T): Promise<T> {
  if (!link.sentTo) return link;
  const result = await sendRelinkEmail(scope, link.id, { to: link.sentTo, url: link.url });
  return { ...link, email: { sent: result.sent, error: result.error } };
}
