// Where mail goes: SMTP_URL (smtp:// or smtps://, credentials in the URL) when set; otherwise,
// outside production, the console's own mailbox table (the demo shows the e-mail on /mailbox);
// in production without SMTP_URL sending fails with a clear reason.
import { isProduction } from "../env";

export type MailRoute = { kind: "smtp"; url: string } | { kind: "mailbox" } | { kind: "none"; reason: string };

export function mailRoute(): MailRoute {
  const url = process.env.SMTP_URL?.trim();
  if (url) return { kind: "smtp", url };
  if (isProduction()) return { kind: "none", reason: "E-mail is not configured (SMTP_URL is not set)." };
  return { kind: "mailbox" };
}

export function mailFrom(): string {
  return process.env.MAIL_FROM?.trim() || "Connections console <no-reply@connections-console.invalid>";
}
