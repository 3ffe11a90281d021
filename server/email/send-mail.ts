// One e-mail out: over SMTP with nodemailer, or into the local mailbox table. Throws with a
// readable reason when it cannot be sent.
import nodemailer, { type Transporter } from "nodemailer";
import { newId, nowIso } from "../ids";
import type { TenantScope } from "../scope/tenant-scope";
import { mailFrom, mailRoute } from "./mail-config";

export interface Mail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** the tenant the mail is about, kept with a mailbox copy */
  tenantId: string | null;
}

const transports = new Map<string, Transporter>();
function transportFor(url: string): Transporter {
  let transport = transports.get(url);
  if (!transport) {
    transport = nodemailer.createTransport({
      url,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 20_000,
    });
    transports.set(url, transport);
  }
  return transport;
}

export async function sendMail(scope: TenantScope, mail: Mail): Promise<"smtp" | "mailbox"> {
  const route = mailRoute();
  if (route.kind === "none") throw new Error(route.reason);
  const from = mailFrom();
  if (route.kind === "smtp") {
    await transportFor(route.url).sendMail({
      from,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
    });
    return "smtp";
  }
  await scope
    .insertInto("mailbox_messages")
    .values({
      id: newId("mail"),
      tenant_id: mail.tenantId,
      to_address: mail.to,
      from_address: from,
      subject: mail.subject,
      text_body: mail.text,
      html_body: mail.html,
      created_at: nowIso(),
    })
    .execute();
  return "mailbox";
}
