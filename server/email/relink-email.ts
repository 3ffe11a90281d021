// The relink e-mail, in plain text and HTML: who asks (the tenant), for which integration and
// connection, what access the customer will be asked to grant, and when the link stops working,
// in the tenant's time zone. It names no internal id: the link's token is the only secret in it.
import { describeScope } from "../../lib/describe-scope";

export interface RelinkEmailInput {
  tenantName: string;
  integrationName: string;
  connectionName: string;
  scopes: string[];
  expiresAt: string;
  /** IANA zone of the tenant, e.g. Europe/Berlin */
  timeZone: string;
  url: string;
}

export interface EmailContent {
  subject: string;
  text: string;
  html: string;
}

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);

/** "Tuesday 9 December 2026 at 14:00 CET (Europe/Berlin)"; UTC when the zone is unknown. */
export function formatExpiry(iso: string, timeZone: string): string {
  const format = (zone: string) =>
    new Intl.DateTimeFormat("en-GB", {
      weekday: "long",
      day: "numeric",
      month: "long",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      timeZone: zone,
      timeZoneName: "short",
    }).format(new Date(iso));
  try {
    return `${format(timeZone)} (${timeZone})`;
  } catch {
    return `${format("UTC")} (UTC)`;
  }
}

export function relinkEmail(input: RelinkEmailInput): EmailContent {
  const expires = formatExpiry(input.expiresAt, input.timeZone);
  const access = input.scopes.map(describeScope);
  const subject = `${input.tenantName}: please reconnect ${input.integrationName}`;
  const accessText = access.length
    ? `You will be asked to allow:\n${access.map((a) => `  - ${a}`).join("\n")}`
    : `You will be asked to sign in to ${input.integrationName} and allow access again.`;
  const text = [
    "Hello,",
    "",
    `${input.tenantName} needs you to reconnect ${input.integrationName} ("${input.connectionName}"): the connection has stopped working and needs you to sign in again.`,
    "",
    accessText,
    "",
    `Open this link to reconnect (it works once, until ${expires}):`,
    input.url,
    "",
    "If you did not expect this e-mail, you can ignore it; nothing changes unless you open the link and sign in.",
  ].join("\n");
  const e = escapeHtml;
  const accessHtml = access.length
    ? `<p style="margin:16px 0 4px">You will be asked to allow:</p><ul style="margin:0;padding-left:20px">${access
        .map((a) => `<li>${e(a)}</li>`)
        .join("")}</ul>`
    : `<p>You will be asked to sign in to ${e(input.integrationName)} and allow access again.</p>`;
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${e(subject)}</title></head>
<body style="font-family:-apple-system,Segoe UI,Helvetica,Arial,sans-serif;color:#111;line-height:1.5;max-width:560px;margin:0 auto;padding:24px">
<p>Hello,</p>
<p><strong>${e(input.tenantName)}</strong> needs you to reconnect <strong>${e(input.integrationName)}</strong> (&ldquo;${e(input.connectionName)}&rdquo;): the connection has stopped working and needs you to sign in again.</p>
${accessHtml}
<p style="margin:24px 0"><a href="${e(input.url)}" style="background:#111;color:#fff;padding:10px 18px;border-radius:6px;text-decoration:none;display:inline-block">Reconnect ${e(input.integrationName)}</a></p>
<p style="font-size:13px;color:#555">The link works once, until <strong>${e(expires)}</strong>. If the button does not work, paste this address into your browser:<br><span style="word-break:break-all">${e(input.url)}</span></p>
<p style="font-size:13px;color:#555">If you did not expect this e-mail, you can ignore it; nothing changes unless you open the link and sign in.</p>
</body></html>`;
  return { subject, text, html };
}
