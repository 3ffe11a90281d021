// The e-mail channel: one message per rule and evaluation pass, to the rule's addresses, listing
// what fired with a link into the console. The outcome (sent, or failed with the reason) is kept
// on each notification; a failure never undoes the firing.
import type { DB } from "../../db";
import { sendMail } from "../email/send-mail";
import { publicOrigin } from "../http/public-origin";
import { TenantScope } from "../scope/tenant-scope";
import type { FiredNotification } from "./fire";
import type { AlertRuleRow } from "./rule-row";

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);

export const notificationPath = (n: { connectionId: string | null; groupId: string | null }) =>
  n.connectionId
    ? `/connections/${encodeURIComponent(n.connectionId)}`
    : n.groupId
      ? `/errors/${encodeURIComponent(n.groupId)}`
      : "/alerts";

const MAX_LISTED = 50;

export function alertEmail(rule: AlertRuleRow, fired: FiredNotification[], origin: string) {
  const listed = fired.slice(0, MAX_LISTED);
  const more = fired.length - listed.length;
  const subject = `Alert: ${rule.name} (${fired.length} new)`;
  const lines = listed.map((n) => `- ${n.title}\n  ${origin}${notificationPath(n.subject)}`);
  const text = [
    `The alert rule "${rule.name}" fired for ${fired.length} ${fired.length === 1 ? "item" : "items"}:`,
    "",
    ...lines,
    ...(more > 0 ? [`…and ${more} more: ${origin}/alerts`] : []),
    "",
    `Manage alert rules: ${origin}/alerts`,
  ].join("\n");
  const items = listed
    .map((n) => `<li><a href="${escapeHtml(origin + notificationPath(n.subject))}">${escapeHtml(n.title)}</a></li>`)
    .join("");
  const html = `<p>The alert rule <strong>${escapeHtml(rule.name)}</strong> fired for ${fired.length} ${
    fired.length === 1 ? "item" : "items"
  }:</p><ul>${items}</ul>${more > 0 ? `<p>…and ${more} more.</p>` : ""}<p><a href="${escapeHtml(
    `${origin}/alerts`,
  )}">Manage alert rules</a></p>`;
  return { subject, text, html };
}

export async function emailFired(db: DB, rule: AlertRuleRow, fired: FiredNotification[]): Promise<boolean> {
  if (fired.length === 0 || rule.email_to.length === 0) return true;
  const scope = TenantScope.unscopedForAlertRule(db, rule.tenant_id);
  return sendAndRecord(
    scope,
    rule,
    () => alertEmail(rule, fired, publicOrigin()),
    fired.map((n) => n.id),
  );
}

/**
 * Sends one message to the rule's addresses and records the outcome (sent, or failed with the
 * reason) on the notifications it covers: the immediate e-mail and the daily digest alike.
 */
export async function sendAndRecord(
  scope: TenantScope,
  rule: AlertRuleRow,
  compose: () => { subject: string; text: string; html: string },
  notificationIds: string[],
): Promise<boolean> {
  let error: string | null = null;
  try {
    await sendMail(scope, { ...compose(), to: rule.email_to.join(", "), tenantId: rule.tenant_id });
  } catch (e) {
    error = (e instanceof Error ? e.message : String(e)).slice(0, 500);
  }
  await scope
    .updateAlertNotifications()
    .set({ email_status: error ? "failed" : "sent", email_error: error })
    .where("alert_notifications.id", "in", notificationIds)
    .execute();
  return error === null;
}
